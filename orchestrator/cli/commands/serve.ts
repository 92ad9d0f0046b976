import type { Command } from 'commander';
import { createServer as createCorpusServer } from '../../../mcp-servers/corpus/index.js';
import { parseHttpAddress } from '../../../mcp-servers/shared/http-address.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../../mcp-servers/shared/http-server.js';
import { type ServeOptions, serveMcp } from '../../../mcp-servers/shared/serve.js';
import { createServer as createTrendsServer, ReportCache } from '../../../mcp-servers/trends/index.js';
import { setting } from '../../../shared/config.js';
import { loadCorpus } from '../../../shared/corpus/index.js';
import { ConfigError } from '../../../shared/errors.js';
import { createLogger, type Logger } from '../../../shared/logger.js';
import { openStore } from '../../../shared/store/index.js';

interface ServeCommandOptions {
  corpus?: string;
  store?: string;
  http?: string;
  token?: string;
  allowHost: string[];
  allowOrigin: string[];
  writable?: boolean;
  maxBodyBytes?: string;
  maxFileBytes?: string;
  logLevel?: string;
}

/** Reports carry whole trend catalogues: a writable server accepts larger bodies by default. */
const WRITABLE_MAX_BODY_BYTES = 32 * 1024 * 1024;

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds `trendscope serve corpus|trends`: an MCP server over stdio (default) or Streamable HTTP. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the corpus or the trend reports over MCP (stdio by default, or HTTP with --http)')
    .argument('<server>', 'which server: corpus or trends')
    .option('--corpus <dir>', 'folder of session notes (corpus server)')
    .option('--store <url>', 'trend store, file:DIR or redis://… (env TRENDSCOPE_STORE)')
    .option(
      '--http <[host:]port>',
      'serve Streamable HTTP at /mcp instead of stdio (host defaults to 127.0.0.1)',
    )
    .option('--token <token>', 'bearer token HTTP clients must send (env TRENDSCOPE_TOKEN)')
    .option('--allow-host <name>', 'also accept this Host header name (repeatable)', collect, [])
    .option(
      '--allow-origin <origin>',
      'also accept this Origin, e.g. https://app.example (repeatable)',
      collect,
      [],
    )
    .option('--writable', 'trends server: also register the write tools (for the orchestrator)')
    .option('--max-body-bytes <n>', `largest HTTP request body (default ${DEFAULT_MAX_BODY_BYTES})`)
    .option('--max-file-bytes <n>', 'largest note read, in bytes (env TRENDSCOPE_MAX_FILE_BYTES)')
    .option('--log-level <level>', 'debug, info, warn, error or silent (env TRENDSCOPE_LOG_LEVEL)')
    .action(async (server: string, options: ServeCommandOptions) => {
      const logger = createLogger({ level: setting('logLevel', options.logLevel), scope: `serve ${server}` });
      if (server !== 'corpus' && server !== 'trends') {
        throw new ConfigError('serve.unknown-server', `unknown server ${JSON.stringify(server)}`, {
          hint: 'use `trendscope serve corpus --corpus DIR` or `trendscope serve trends`',
        });
      }
      // Listen for signals before anything starts, so a stop request is never missed.
      const stop = stopSignal(logger);
      try {
        const target =
          server === 'corpus' ? await corpusTarget(options, logger) : await trendsTarget(options, logger);
        try {
          const handle = await serveMcp({ ...target.serve, http: httpOptions(options, target.health) });
          await Promise.race([handle.closed, stop.received]);
          await handle.close();
        } finally {
          await target.close();
        }
      } finally {
        stop.dispose();
      }
    });
}

interface Target {
  serve: Pick<ServeOptions, 'createServer' | 'logger'>;
  health?: () => Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

async function corpusTarget(options: ServeCommandOptions, logger: Logger): Promise<Target> {
  if (options.writable) {
    throw new ConfigError(
      'serve.read-only',
      'the corpus server is read-only: --writable applies to `serve trends`',
    );
  }
  if (!options.corpus) {
    throw new ConfigError('serve.no-corpus', 'the corpus server needs a corpus folder', {
      hint: 'pass --corpus DIR, e.g. --corpus examples/corpus/aicon-beijing-2025-06',
    });
  }
  const corpus = await loadCorpus(options.corpus, {
    maxFileBytes: setting('maxFileBytes', options.maxFileBytes),
  });
  logger.info(
    `loaded ${corpus.sessions.length} session(s) from ${corpus.dir} (${corpus.problems.length} skipped)`,
  );
  return {
    serve: { createServer: () => createCorpusServer({ corpus, logger }), logger },
    health: async () => ({ sessions: corpus.sessions.length }),
    close: async () => {},
  };
}

async function trendsTarget(options: ServeCommandOptions, logger: Logger): Promise<Target> {
  if (options.corpus) logger.warn('--corpus is ignored by the trends server');
  const store = await openStore(setting('store', options.store), { role: 'server', logger });
  const reports = new ReportCache({ store, logger });
  await reports.start();
  const writable = options.writable ?? false;
  const latest = await reports.latest();
  logger.info(
    `serving ${store.location}: ${latest ? `latest report ${latest}` : 'no report published yet'}${writable ? ' (writable)' : ''}`,
  );
  return {
    serve: { createServer: () => createTrendsServer({ store, writable, logger, reports }), logger },
    health: async () => ({ report: await reports.latest() }),
    close: async () => {
      await reports.close();
      await store.close();
    },
  };
}

function httpOptions(options: ServeCommandOptions, health: Target['health']): ServeOptions['http'] {
  const token = setting('token', options.token);
  if (!options.http) {
    if (options.allowHost.length > 0 || options.allowOrigin.length > 0) {
      throw new ConfigError('serve.http-only', '--allow-host and --allow-origin need --http');
    }
    return undefined;
  }
  const address = parseHttpAddress(options.http);
  const maxBodyBytes =
    options.maxBodyBytes !== undefined
      ? positive(options.maxBodyBytes)
      : options.writable
        ? WRITABLE_MAX_BODY_BYTES
        : DEFAULT_MAX_BODY_BYTES;
  return {
    host: address.host,
    port: address.port,
    token,
    allowedHosts: options.allowHost,
    allowedOrigins: options.allowOrigin,
    maxBodyBytes,
    ...(health ? { health } : {}),
  };
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024) {
    throw new ConfigError(
      'config.invalid',
      `invalid --max-body-bytes ${JSON.stringify(value)}: use an integer ≥ 1024`,
    );
  }
  return n;
}

/** Resolves on the first SIGINT or SIGTERM; `dispose` removes the handlers. */
function stopSignal(logger: Logger): { received: Promise<void>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<void>((resolve) => {
    onSignal = (signal) => {
      logger.info(`${signal} received; shutting down`);
      resolve();
    };
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    received,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
