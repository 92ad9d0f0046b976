import { ConfigError } from '../../shared/errors.js';

/** A bind address for `--http`. */
export interface HttpAddress {
  host: string;
  port: number;
}

/** Parses `--http [HOST:]PORT` (`8080`, `:8080`, `0.0.0.0:8080`, `[::1]:8080`); the host defaults to 127.0.0.1. */
export function parseHttpAddress(value: string): HttpAddress {
  const match = /^(?:(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]*):)?(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isInteger(port) || port > 65_535) {
    throw new ConfigError('http.bad-address', `invalid --http value ${JSON.stringify(value)}`, {
      hint: 'use --http PORT or --http HOST:PORT, e.g. --http 8808 or --http 127.0.0.1:8808',
    });
  }
  const rawHost = match[1] ?? '';
  const host = rawHost === '' ? '127.0.0.1' : rawHost.replace(/^\[|\]$/g, '');
  return { host, port };
}
