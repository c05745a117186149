/**
 * Which process this is, as OpenTelemetry names it: `service.instance.id`. Spans carry it as a resource
 * attribute and the ledger's records carry it as `instance`, so a run whose steps were served by several
 * replicas shows which one did what, in the trace and in the lake alike.
 */
import { hostname } from 'node:os';

/** The environment the resource attributes are read from. */
export type ResourceEnv = Readonly<Record<string, string | undefined>>;

/** The standard `OTEL_RESOURCE_ATTRIBUTES` (`key=value,…`, values percent-encoded), e.g. `service.namespace=prod`. */
export function resourceAttributesOf(env: ResourceEnv): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of (env.OTEL_RESOURCE_ATTRIBUTES ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      attributes[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // A malformed escape drops that attribute only, as the OTel SDKs do.
    }
  }
  return attributes;
}

/** `service.instance.id` from `OTEL_RESOURCE_ATTRIBUTES` when set there, else `<host>/<pid>`. */
export function serviceInstanceId(env: ResourceEnv = process.env): string {
  const configured = resourceAttributesOf(env)['service.instance.id']?.trim();
  return configured === undefined || configured === '' ? `${hostname()}/${process.pid}` : configured;
}
