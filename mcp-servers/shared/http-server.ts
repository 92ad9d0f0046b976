import { createServer as createNodeServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServerFactory } from '@modelcontextprotocol/server';
import { AppError, ConfigError } from '../../shared/errors.js';
import { type Logger, silentLogger } from '../../shared/logger.js';
import {
  AUTH_REALM,
  checkBearer,
  declaredBodyTooLarge,
  hostAllowed,
  isLoopbackHost,
  LOCALHOST_NAMES,
  normalizeHostName,
  originAllowed,
  sendJsonError,
} from './http-guards.js';
import { createMcpEndpoint } from './mcp-endpoint.js';

/** Default largest request body (1 MiB); larger ones get 413. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Where and how to serve an MCP server over Streamable HTTP. */
export interface HttpServerOptions {
  /** Builds a server instance; called once per HTTP request (both protocol eras). */
  createServer: McpServerFactory;
  /** Bind address; 127.0.0.1 by default. A non-loopback address needs a token. */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Bearer token clients must send; empty means no authentication (loopback only). */
  token?: string;
  /** Extra host names accepted in `Host` (localhost names always are). */
  allowedHosts?: string[];
  /** Extra origins (`https://app.example`) or host names accepted in `Origin`. */
  allowedOrigins?: string[];
  /** Largest request body in bytes. */
  maxBodyBytes?: number;
  /** Extra fields of `GET /healthz` (e.g. the id of the report being served). */
  health?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  logger?: Logger;
}

/** A listening server: its MCP endpoint URL and how to stop it. */
export interface RunningHttpServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

function allowSet(
  defaults: readonly string[],
  extra: string[] | undefined,
  keepOrigins: boolean,
): Set<string> {
  const set = new Set<string>(defaults);
  for (const entry of extra ?? []) {
    if (keepOrigins && entry.includes('://')) {
      try {
        set.add(new URL(entry).origin.toLowerCase());
      } catch {
        throw new ConfigError('http.bad-origin', `invalid --allow-origin value ${JSON.stringify(entry)}`, {
          hint: 'give an origin such as https://app.example.com or a host name',
        });
      }
      continue;
    }
    const name = normalizeHostName(entry);
    if (!name) throw new ConfigError('http.bad-host', `invalid host name ${JSON.stringify(entry)}`);
    set.add(name);
  }
  return set;
}

/**
 * Serves `createServer` at `/mcp` (Streamable HTTP, protocol eras 2025-11-25 and 2026-07-28) behind
 * Host/Origin allowlists (403), an optional bearer token (401) and a body limit (413), with an
 * unauthenticated `GET /healthz`.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? '';
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!isLoopbackHost(host) && token === '') {
    throw new ConfigError('http.token-required', `refusing to listen on ${host} without a token`, {
      hint: 'pass --token (or set TRENDSCOPE_TOKEN), or bind a loopback address such as 127.0.0.1',
    });
  }
  const bindName = normalizeHostName(host);
  const wildcard = host === '0.0.0.0' || host === '::';
  const hostDefaults = [...LOCALHOST_NAMES, ...(bindName && !wildcard ? [bindName] : [])];
  const allowedHosts = allowSet(hostDefaults, options.allowedHosts, false);
  const allowedOrigins = allowSet(LOCALHOST_NAMES, options.allowedOrigins, true);

  const onerror = (error: Error) => logger.debug('mcp request failed', { error: error.message });
  const endpoint = createMcpEndpoint(options.createServer, { onerror, maxBodyBytes });
  const tooLarge = (res: ServerResponse) => {
    res.setHeader('connection', 'close');
    sendJsonError(res, 413, `Payload too large: the limit is ${maxBodyBytes} bytes`);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (!hostAllowed(req.headers.host, allowedHosts)) {
      logger.warn('refused request: Host not allowed', { host: req.headers.host });
      return sendJsonError(res, 403, 'Forbidden: Host header not allowed');
    }
    if (!originAllowed(req.headers.origin, allowedOrigins)) {
      logger.warn('refused request: Origin not allowed', { origin: req.headers.origin });
      return sendJsonError(res, 403, 'Forbidden: Origin not allowed');
    }
    if (path === '/healthz') {
      if (req.method !== 'GET') return sendJsonError(res, 405, 'Method not allowed', { allow: 'GET' });
      const extra = options.health ? await options.health() : {};
      const body = JSON.stringify({ ok: true, ...extra });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (path !== '/mcp') return sendJsonError(res, 404, 'Not found: the MCP endpoint is /mcp');
    if (token !== '') {
      const auth = checkBearer(req.headers.authorization, token);
      if (auth !== 'ok') {
        const challenge =
          auth === 'missing'
            ? `Bearer realm="${AUTH_REALM}"`
            : `Bearer realm="${AUTH_REALM}", error="invalid_token"`;
        return sendJsonError(res, 401, 'Unauthorized: send Authorization: Bearer <token>', {
          'www-authenticate': challenge,
        });
      }
    }
    if (declaredBodyTooLarge(req, maxBodyBytes)) return tooLarge(res);
    await endpoint.serve(req, res, () => tooLarge(res));
  };

  const server = createNodeServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      logger.error('http request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendJsonError(res, 500, 'Internal server error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new AppError('http.listen', `cannot listen on ${host}:${options.port ?? 0}: ${error.message}`, {
          cause: error,
          hint: error.code === 'EADDRINUSE' ? 'choose another port with --http HOST:PORT' : undefined,
        }),
      );
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/mcp`;
  logger.info(`MCP endpoint listening at ${url}${token ? ' (bearer token required)' : ''}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    close() {
      closing ??= (async () => {
        await endpoint.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // A client holding a stream open must not keep the process alive for long.
          setTimeout(() => server.closeAllConnections(), 2_000).unref();
        });
      })();
      return closing;
    },
  };
}
