/**
 * Status (`missing | stale | fresh`), stale causes and root causes of asset slots, read from the ledger's
 * heads. As Dagster's CachingStaleStatusResolver: create one per CLI invocation or HTTP request; it caches.
 * Propagation is by data version: an upstream re-materialized with identical data leaves this slot fresh.
 */
import { slotLabel, type AssetKey } from '../asset/asset-key.ts';
import type { AnyAsset } from '../asset/define-asset.ts';
import type { AssetGraph } from '../graph/asset-graph.ts';
import { upstreamSlots } from '../graph/slots.ts';
import { dataFileDamage, describeDamage } from '../ledger/data-file.ts';
import type { Head, Ledger } from '../ledger/ledger.ts';
import type { CommittedMaterialization } from '../ledger/materialization-record.ts';
import { readObservation } from '../ledger/observations.ts';
import type { Storage } from '../storage/storage.ts';
import { isSameProvenance, shortVersion, type InputDataVersion } from './data-version.ts';

/** Whether an asset is missing, stale or fresh. */
export type AssetStatus = 'missing' | 'stale' | 'fresh';
/** Why a slot is stale: code, data, dependencies, backlog, upstream, or its data file is corrupt (or missing). */
export type StaleCauseCategory = 'code' | 'data' | 'dependencies' | 'backlog' | 'corrupt' | 'upstream';
export type RootCauseCategory = 'code' | 'data' | 'dependencies' | 'backlog' | 'corrupt' | 'missing';

/** One reason a slot is stale, in words, with its category. */
export interface StaleCause {
  readonly asset: AssetKey;
  readonly partition: string | null;
  readonly category: StaleCauseCategory;
  readonly reason: string;
  /** The upstream involved, for `data`, `dependencies` and `upstream` causes. */
  readonly dependency: AssetKey | null;
}

/** An upstream asset whose own change made this one stale. */
export interface RootCause {
  readonly asset: AssetKey;
  readonly partition: string | null;
  readonly category: RootCauseCategory;
  readonly reason: string;
}

/** One slot's status with its causes. */
export interface SlotStatus {
  readonly asset: AssetKey;
  readonly partition: string | null;
  readonly status: AssetStatus;
  readonly causes: readonly StaleCause[];
  readonly rootCauses: readonly RootCause[];
  readonly head: CommittedMaterialization | undefined;
}

/** An asset's status: for a partitioned asset, the worst of its partitions, which are listed too. */
export interface AssetStatusReport extends SlotStatus {
  readonly partitions: readonly SlotStatus[] | null;
}

/**
 * Why the work a head left makes its slot stale: items its budget did not reach, or done items that have
 * fallen due again by `now`; undefined when it left none.
 */
export function backlogReason(head: CommittedMaterialization, now: number): string | undefined {
  const backlog = head.backlog;
  if (backlog === undefined) return undefined;
  if (backlog.pending > 0) return `${backlog.pending.toLocaleString('en-US')} ${backlog.unit} left for a later run (the last one stopped at its budget)`;
  if (backlog.dueAt !== undefined && Date.parse(backlog.dueAt) <= now) return `${backlog.unit} fell due again at ${backlog.dueAt}`;
  return undefined;
}

/**
 * Why a slot's head would be stale if the slot ran now reading `inputs` (the upstreams' data versions as read
 * under the slot's lock), or undefined when the head is fresh and the executor may skip the slot. The same
 * rules as `StalenessResolver.slotStatus`, with the inputs given instead of the cached heads; rules that read
 * nothing come first, so a stale slot reads no more of the lake than it must. The executor's own: not a
 * resolver method, since the public entry point does not export the ledger's record types it takes.
 */
export async function staleReason(
  storage: Storage,
  now: number,
  asset: AnyAsset,
  partition: string | null,
  head: CommittedMaterialization,
  inputs: readonly InputDataVersion[],
): Promise<string | undefined> {
  if (!isSameProvenance(head, { codeVersion: asset.codeVersion, inputs })) return codeReason(asset, head) ?? 'its inputs changed since the last materialization';
  return backlogReason(head, now) ?? (await observationReason(storage, asset, partition, head)) ?? (await damageReason(storage, head));
}

/** Decides, from the graph and the lake, which assets are missing, stale or fresh, and why. */
export class StalenessResolver {
  readonly #graph: AssetGraph;
  readonly #ledger: Ledger;
  readonly #now: () => number;
  readonly #heads = new Map<string, Promise<Head | undefined>>();
  readonly #statuses = new Map<string, Promise<SlotStatus>>();

  constructor(graph: AssetGraph, ledger: Ledger, now: () => number = Date.now) {
    this.#graph = graph;
    this.#ledger = ledger;
    this.#now = now;
  }

  /** The committed head of a slot, cached for the resolver's lifetime. */
  head(asset: AssetKey, partition: string | null = null): Promise<Head | undefined> {
    const id = slotLabel(asset, partition);
    let cached = this.#heads.get(id);
    if (cached === undefined) {
      cached = this.#ledger.readHead(asset, partition);
      this.#heads.set(id, cached);
    }
    return cached;
  }

  slotStatus(asset: AssetKey, partition: string | null = null): Promise<SlotStatus> {
    const id = slotLabel(asset, partition);
    let cached = this.#statuses.get(id);
    if (cached === undefined) {
      cached = this.#computeSlotStatus(this.#graph.get(asset), partition);
      this.#statuses.set(id, cached);
    }
    return cached;
  }

  async assetStatus(key: AssetKey): Promise<AssetStatusReport> {
    const asset = this.#graph.get(key);
    if (asset.partitions === undefined) return { ...(await this.slotStatus(key)), partitions: null };
    const partitions = await Promise.all(asset.partitions.map((partition) => this.slotStatus(key, partition)));
    const worst = partitions.find((slot) => slot.status === 'missing') ?? partitions.find((slot) => slot.status === 'stale');
    const latest = partitions
      .map((slot) => slot.head)
      .filter((head): head is CommittedMaterialization => head !== undefined)
      .sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : -1))[0];
    return {
      asset: key,
      partition: null,
      status: worst?.status ?? 'fresh',
      causes: partitions.flatMap((slot) => slot.causes),
      rootCauses: dedupeRootCauses(partitions.flatMap((slot) => slot.rootCauses)),
      head: latest,
      partitions,
    };
  }

  async #computeSlotStatus(asset: AnyAsset, partition: string | null): Promise<SlotStatus> {
    const slot = { asset: asset.key, partition };
    const head = (await this.head(asset.key, partition))?.record;
    if (head === undefined) return { ...slot, status: 'missing', causes: [], rootCauses: [], head };
    const causes: StaleCause[] = [];
    const storage = this.#ledger.storage;
    const own = (category: StaleCauseCategory, reason: string | undefined): StaleCause[] => (reason === undefined ? [] : [{ ...slot, category, reason, dependency: null }]);
    causes.push(...own('corrupt', await damageReason(storage, head)));
    causes.push(...own('code', codeReason(asset, head)));
    causes.push(...dependencyCauses(asset, partition, head));
    causes.push(...own('backlog', backlogReason(head, this.#now())));
    causes.push(...own('data', await observationReason(storage, asset, partition, head)));
    const rootCauses: RootCause[] = causes.map((cause) => ({ ...slot, category: cause.category as RootCauseCategory, reason: cause.reason }));
    for (const upstream of upstreamSlots(this.#graph, asset, partition)) {
      const upstreamStatus = await this.slotStatus(upstream.asset, upstream.partition);
      const label = slotLabel(upstream.asset, upstream.partition);
      if (upstreamStatus.status === 'fresh') {
        const recorded = head.inputs.find((input) => input.asset === upstream.asset && input.partition === upstream.partition);
        const current = upstreamStatus.head!.dataVersion;
        const wasRead = head.inputs.some((input) => input.asset === upstream.asset);
        if (recorded?.dataVersion === current || !wasRead) continue; // unchanged, or a new dependency (counted above)
        const reason =
          recorded === undefined
            ? `upstream "${label}" has data the last materialization did not read`
            : `upstream "${label}" has a new data version (${shortVersion(recorded.dataVersion)} → ${shortVersion(current)})`;
        causes.push({ ...slot, category: 'data', reason, dependency: upstream.asset });
        rootCauses.push({ ...slot, category: 'data', reason });
        continue;
      }
      const reason = `upstream "${label}" is ${upstreamStatus.status}`;
      causes.push({ ...slot, category: 'upstream', reason, dependency: upstream.asset });
      rootCauses.push(
        ...(upstreamStatus.status === 'missing'
          ? [{ asset: upstream.asset, partition: upstream.partition, category: 'missing' as const, reason: 'never materialized' }]
          : upstreamStatus.rootCauses),
      );
    }
    return { ...slot, status: causes.length > 0 ? 'stale' : 'fresh', causes, rootCauses: dedupeRootCauses(rootCauses), head };
  }
}

function codeReason(asset: AnyAsset, head: CommittedMaterialization): string | undefined {
  return head.codeVersion === asset.codeVersion ? undefined : `code version changed from "${head.codeVersion}" to "${asset.codeVersion}"`;
}

/** New data observed at the slot's source since the head's materialization began (one read). */
async function observationReason(storage: Storage, asset: AnyAsset, partition: string | null, head: CommittedMaterialization): Promise<string | undefined> {
  const observed = await readObservation(storage, asset.key, partition);
  if (observed === undefined || Date.parse(observed.observedAt) <= Date.parse(head.startedAt)) return undefined;
  return `new data observed at ${observed.source} after the last materialization`;
}

/** A head whose data file is missing or damaged is stale whatever its provenance: a plain materialize rewrites it. */
async function damageReason(storage: Storage, head: CommittedMaterialization): Promise<string | undefined> {
  const damage = await dataFileDamage(storage, head);
  return damage === undefined ? undefined : describeDamage(storage, head, damage);
}

/** Dependencies added or removed since the head was materialized. */
function dependencyCauses(asset: AnyAsset, partition: string | null, head: CommittedMaterialization): StaleCause[] {
  const slot = { asset: asset.key, partition };
  const recordedAssets = new Set(head.inputs.map((input) => input.asset));
  const added = asset.depKeys.filter((key) => !recordedAssets.has(key));
  const removed = [...recordedAssets].filter((key) => !asset.depKeys.includes(key)).sort();
  return [
    ...added.map((key) => ({ ...slot, category: 'dependencies' as const, reason: `new dependency on "${key}"`, dependency: key })),
    ...removed.map((key) => ({ ...slot, category: 'dependencies' as const, reason: `removed dependency on "${key}"`, dependency: key })),
  ];
}

function dedupeRootCauses(causes: readonly RootCause[]): RootCause[] {
  const seen = new Set<string>();
  return causes.filter((cause) => {
    const id = `${cause.asset}|${cause.partition}|${cause.category}|${cause.reason}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
