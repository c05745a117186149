/**
 * Keeps credentials out of everything a request can surface: URLs in hooks and spans, error messages, and
 * the `cause` chain of thrown errors (whose messages may come from an injected fetch or a server body).
 */

/** Query parameters that carry credentials on TMDB (`api_key`) and Discogs (`token`, `key`, `secret`). */
const SECRET_PARAMS = new Set(['api_key', 'token', 'key', 'secret', 'access_token']);
const SECRET_ASSIGNMENT = /\b(api_key|token|key|secret|access_token)=([^&\s,;"']+)/gi;
const BEARER = /\b(Bearer)\s+[^\s,;"']+/gi;
// A JWT anywhere (TMDB's read access token is one), even one this client was not given.
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
export const REDACTED = '***';

export interface Redactor {
  /** The URL with credential query parameters replaced by `***`. */
  url(url: URL): string;
  /** The text with every known secret value and credential-looking assignment replaced by `***`. */
  text(text: string): string;
  /** A copy of an error (name, message, code, cause chain) that is safe to attach as a `cause`. */
  error(error: unknown): Error;
}

/** A redactor for the given secret values (empty or very short ones are ignored). */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  // Longest first, so a secret that contains another is replaced whole.
  const values = secrets.filter((value): value is string => value !== undefined && value.length >= 4).sort((a, b) => b.length - a.length);
  const text = (input: string): string => {
    let output = input;
    for (const value of values) output = output.split(value).join(REDACTED);
    return output.replace(SECRET_ASSIGNMENT, `$1=${REDACTED}`).replace(BEARER, `$1 ${REDACTED}`).replace(JWT, REDACTED);
  };
  // On the href's text, not a re-parsed copy: every request's URL is shown in its event and span.
  const url = (input: URL): string => {
    const { href, search, hash } = input;
    if (search === '') return text(href);
    const pairs = search.slice(1).split('&').map((pair) => {
      const name = pair.split('=', 1)[0]!;
      return SECRET_PARAMS.has(paramName(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    });
    return text(`${href.slice(0, href.length - search.length - hash.length)}?${pairs.join('&')}${hash}`);
  };
  const error = (input: unknown): Error => sanitizeError(input, text, 4);
  return { url, text, error };
}

/** A query parameter's name as `URLSearchParams` reads it ("api%5Fkey" is api_key). */
function paramName(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch {
    return encoded;
  }
}

function sanitizeError(input: unknown, text: (value: string) => string, depth: number): Error {
  const source = input instanceof Error ? input : new Error(String(input));
  const copy = new Error(text(source.message));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  if (source.cause !== undefined && depth > 1) copy.cause = sanitizeError(source.cause, text, depth - 1);
  return copy;
}
