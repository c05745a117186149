/**
 * Discogs' response bodies: JSON (`{"message":…}` for errors), and the Cloudflare HTML pages its edge
 * sends for 502/503. Links point at the emulator, not at api.discogs.com.
 */
import type { ErrorStatus } from './fault-middleware.ts';

const REAL_API = 'https://api.discogs.com';

/** JSON with `https://api.discogs.com` links rewritten to `apiBase` (the emulator's `/discogs`), so followed links stay here. */
export function rewriteLinks(json: string, apiBase: string): string {
  return apiBase === REAL_API ? json : json.replaceAll(REAL_API, apiBase);
}

export function discogsJson(body: string | Buffer, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function discogsError(status: number, message: string): Response {
  return new Response(JSON.stringify({ message }), { status, headers: { 'content-type': 'application/json' } });
}

export function discogsFaultResponse(status: ErrorStatus): Response {
  switch (status) {
    case 401: return discogsError(401, 'You must authenticate to access this resource.');
    case 403: return discogsError(403, 'You are not allowed to access this resource.');
    case 429: return discogsError(429, 'You are making requests too quickly.');
    case 500: return discogsError(500, 'An internal server error occurred.');
    case 502:
    case 503: {
      const title = status === 502 ? 'Bad gateway' : 'Service unavailable';
      const page = `<!DOCTYPE html><html><head><title>api.discogs.com | ${status}: ${title}</title></head><body><h1>${title}</h1><p>Cloudflare</p></body></html>`;
      return new Response(page, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } });
    }
  }
}
