/**
 * A response's JSON body, typed as the shape the test reads (only the fields it reads). The type is the test's
 * claim about the body, not a check: the assertions that follow check it.
 *
 * @example
 * const { error } = await jsonOf<{ error: { code: string } }>(await app.request('/assets/nope'));
 */
export async function jsonOf<T>(response: Response | Promise<Response>): Promise<T> {
  return (await response).json() as Promise<T>;
}

/**
 * The error envelope the HTTP API answers and the CLI prints with --json; `Extra` names the fields beside `code`
 * and `message` that a test reads.
 */
export interface ErrorBody<Extra = unknown> {
  readonly error: { readonly code: string; readonly message: string } & Extra;
}

/** The field of a "did you mean" error (an unknown asset, run or partition). */
export type Suggestions = { readonly suggestions: readonly string[] };
