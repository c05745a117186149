/**
 * CPU time from Linux's /proc, for a benchmark that shares the machine: how busy the whole machine was
 * (/proc/stat) and how much of that went to given process trees (utime + stime of each process in
 * /proc/PID/stat, summed over its descendants). Processes that exited meanwhile are not counted.
 */
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture Node runs on.
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  /** All CPUs' busy time (neither idle nor waiting for I/O) since boot, in seconds. */
  readonly machineBusyS: number;
  /** Each live process: its parent and its own CPU time so far, in seconds. */
  readonly processes: ReadonlyMap<number, { readonly ppid: number; readonly seconds: number }>;
}

export function cpuSnapshot(): CpuSnapshot {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  const ticks = fields.map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const busy = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0) - ticks[3]! - ticks[4]!;
  const processes = new Map<number, { ppid: number; seconds: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while listing
    }
    // The command name is in parentheses and may hold spaces; the fields after it are fixed (proc(5)).
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), { ppid: Number(after[1]), seconds: (Number(after[11]) + Number(after[12])) / TICKS_PER_SECOND });
  }
  return { machineBusyS: busy / TICKS_PER_SECOND, processes };
}

/** The pids of `roots` and all their descendants alive in `snapshot`. */
function treeOf(snapshot: CpuSnapshot, roots: readonly number[]): Set<number> {
  const tree = new Set(roots.filter((pid) => snapshot.processes.has(pid)));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, { ppid }] of snapshot.processes) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** CPU seconds the trees of `roots` used between two snapshots (taken by processes alive at the end). */
export function treeCpuSeconds(before: CpuSnapshot, after: CpuSnapshot, roots: readonly number[]): number {
  let seconds = 0;
  for (const pid of treeOf(after, roots)) seconds += after.processes.get(pid)!.seconds - (before.processes.get(pid)?.seconds ?? 0);
  return seconds;
}

/** The machine's busy CPU seconds (all its CPUs) between two snapshots. */
export function machineBusySeconds(before: CpuSnapshot, after: CpuSnapshot): number {
  return after.machineBusyS - before.machineBusyS;
}
