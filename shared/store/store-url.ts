import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

/** Where the store lives, parsed from `--store` / `TRENDSCOPE_STORE`. */
export type StoreTarget =
  | { kind: 'file'; root: string; location: string }
  | {
      kind: 'redis';
      host: string;
      port: number;
      db: number;
      tls: boolean;
      username: string | undefined;
      password: string | undefined;
      prefix: string | undefined;
      location: string;
    };

/** The store used when neither `--store` nor `TRENDSCOPE_STORE` is set. */
export const DEFAULT_STORE_URL = 'file:.trendscope';

const EXAMPLES =
  'file:.trendscope (the default), a directory such as ./data/store, ' +
  'redis://127.0.0.1:6379/0, redis://:PASSWORD@host:6379/2 or rediss://host:6380 (TLS)';

function badUrl(url: string, reason: string): ConfigError {
  return new ConfigError('config.store', `invalid store ${JSON.stringify(redactUrl(url))}: ${reason}`, {
    hint: `set --store or TRENDSCOPE_STORE to ${EXAMPLES}`,
  });
}

/** Removes any password from a store URL so it can be printed. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_all, scheme: string, auth: string) => {
    const user = auth.split(':')[0] ?? '';
    return user ? `${scheme}${user}@` : scheme;
  });
}

function parseRedis(url: string, tls: boolean): StoreTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl(url, 'not a valid URL');
  }
  if (!parsed.hostname) throw badUrl(url, 'the host is missing');
  const port = parsed.port ? Number(parsed.port) : 6379;
  const dbText = parsed.pathname.replace(/^\/+/, '');
  if (dbText !== '' && !/^\d{1,2}$/.test(dbText))
    throw badUrl(url, `the database must be a number, not "${dbText}"`);
  const db = dbText === '' ? 0 : Number(dbText);
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  const prefix = parsed.searchParams.get('prefix') ?? undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const user = username ? `${encodeURIComponent(username)}@` : '';
  const location = `${tls ? 'rediss' : 'redis'}://${user}${shownHost}:${port}/${db}`;
  return { kind: 'redis', host, port, db, tls, username, password, prefix, location };
}

/**
 * Reads a store URL: `file:PATH` or a bare path (relative to `cwd`), `redis://…` or `rediss://…`
 * (password and db in the URL, optional `?prefix=`). Anything else is a ConfigError with examples.
 */
export function parseStoreUrl(url: string | undefined, cwd: string = process.cwd()): StoreTarget {
  const text = url === undefined || url.trim() === '' ? DEFAULT_STORE_URL : url.trim();
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') return parseRedis(text, scheme === 'rediss');
  let filePath: string;
  if (scheme === 'file') {
    try {
      filePath = text.startsWith('file://') ? fileURLToPath(text) : text.slice('file:'.length);
    } catch (error) {
      throw badUrl(text, (error as Error).message);
    }
    if (filePath === '') throw badUrl(text, 'the path is missing');
  } else if (scheme === undefined) {
    filePath = text;
  } else {
    throw badUrl(text, `unsupported scheme "${scheme}:"`);
  }
  const root = path.resolve(cwd, filePath);
  return { kind: 'file', root, location: `file:${root}` };
}
