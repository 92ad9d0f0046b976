import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';

/** Host names every local server accepts in `Host` and `Origin`. */
export const LOCALHOST_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

/** The realm named in `WWW-Authenticate`. */
export const AUTH_REALM = 'trendscope';

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** A host name as it appears in a URL: lower case, IPv6 in brackets, no port. */
export function normalizeHostName(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '') return null;
  const bracketed = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  try {
    return new URL(`http://${bracketed}`).hostname;
  } catch {
    return null;
  }
}

/** Whether the `Host` header names an allowed host (port-agnostic); a missing header is refused. */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (hostHeader === undefined) return false;
  const name = normalizeHostName(hostHeader);
  return name !== null && allowed.has(name);
}

/**
 * Whether the `Origin` header is allowed. Clients that are not browsers send none and pass; a browser
 * page must come from an allowed host name, or match an allowed full origin (`https://app.example`).
 */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  return allowed.has(url.origin.toLowerCase()) || allowed.has(url.hostname.toLowerCase());
}

/** Compares a presented token with the expected one in constant time (hashing first hides the length). */
export function tokensEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Checks `Authorization: Bearer <token>`: `missing`, `invalid` or `ok`. */
export function checkBearer(header: string | undefined, token: string): 'ok' | 'missing' | 'invalid' {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match?.[1]) return 'invalid';
  return tokensEqual(match[1], token) ? 'ok' : 'invalid';
}

/** Answers with a JSON-RPC shaped error body, the form MCP clients expect from the endpoint. */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** A declared body larger than the limit (chunked bodies are bounded later, while they are read). */
export function declaredBodyTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > maxBytes;
}
