/** Loads the data plane once, on first use (see data-plane.ts for why it is not imported eagerly). */
export type DataPlane = typeof import('./data-plane.ts');

let loading: Promise<DataPlane> | undefined;

/**
 * The Arrow/Parquet functions of `runtime/data-plane.ts`, imported on the first call (later calls share it).
 *
 * @example
 * const { tableFromParquet } = await loadDataPlane();
 * const scores = tableFromParquet(bytes).getChild('score');
 */
export function loadDataPlane(): Promise<DataPlane> {
  loading ??= import('./data-plane.ts');
  return loading;
}
