/** Whole-number settings of the pipeline read from the environment, with one message for a bad value. */
import { ConfigError } from 'medallion';

/** `env[name]` as a whole number in [min, max]; undefined when unset or blank. */
export function integerSetting(env: Readonly<Record<string, string | undefined>>, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}
