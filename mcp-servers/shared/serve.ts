import type { McpServerFactory } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Logger } from '../../shared/logger.js';
import { type HttpServerOptions, startHttpServer } from './http-server.js';

/** How to serve: stdio (the default) or Streamable HTTP. */
export interface ServeOptions {
  createServer: McpServerFactory;
  logger: Logger;
  http?: Omit<HttpServerOptions, 'createServer' | 'logger'>;
}

/** A running server: where it listens, a promise that settles when it stops, and how to stop it. */
export interface ServeHandle {
  transport: 'stdio' | 'http';
  url?: string;
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Serves a factory over stdio or HTTP; the stdio server stops by itself when the client closes stdin. */
export async function serveMcp(options: ServeOptions): Promise<ServeHandle> {
  if (options.http) {
    const running = await startHttpServer({
      ...options.http,
      createServer: options.createServer,
      logger: options.logger,
    });
    let resolveClosed = () => {};
    const closed = new Promise<void>((resolve) => {
      resolveClosed = resolve;
    });
    return {
      transport: 'http',
      url: running.url,
      closed,
      async close() {
        await running.close();
        resolveClosed();
      },
    };
  }
  const handle = serveStdio(options.createServer, {
    onerror: (error) => options.logger.debug('stdio transport error', { error: error.message }),
  });
  const closed = new Promise<void>((resolve) => {
    const done = () => resolve();
    process.stdin.once('end', done);
    process.stdin.once('close', done);
  });
  options.logger.info('MCP server ready on stdio');
  return {
    transport: 'stdio',
    closed,
    async close() {
      await handle.close();
    },
  };
}
