/** Loads the data plane once, on first use (see data-plane.ts for why it is not imported eagerly). */
export type DataPlane = typeof import('./data-plane.ts');

let loading: Promise<DataPlane> | undefined;

export function loadDataPlane(): Promise<DataPlane> {
  loading ??= import('./data-plane.ts');
  return loading;
}
