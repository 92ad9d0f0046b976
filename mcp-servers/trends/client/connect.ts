import { Client, StreamableHTTPClientTransport, type Transport } from '@modelcontextprotocol/client';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { ConfigError, McpCallError } from '../../../shared/errors.js';
import { SERVER_VERSION } from '../../shared/server-info.js';
import { createTrendClient, type TrendClient } from './trend-client.js';

/** The protocol revision to speak: `auto` negotiates (the newest both sides know). */
export type TrendProtocol = 'auto' | '2025-11-25' | '2026-07-28';

/** Where the trend server is and how to talk to it; give `command` (stdio) or `url` (HTTP). */
export interface ConnectTrendServerOptions {
  /** Spawns the server and talks over stdio, e.g. `['trendscope', 'serve', 'trends', '--store', 'file:.trendscope']`. */
  command?: string[];
  /** A Streamable HTTP endpoint, e.g. `http://127.0.0.1:8808/mcp`. */
  url?: string;
  /** Bearer token of an HTTP server started with `--token`. */
  token?: string;
  protocol?: TrendProtocol;
  /** Environment of the spawned server, on top of the few safe variables inherited by default. */
  env?: Record<string, string>;
  /** Working directory of the spawned server. */
  cwd?: string;
  /** Milliseconds the connection may take (default 60 s). */
  timeoutMs?: number;
  /** Name this client gives the server. */
  clientName?: string;
}

const STDERR_KEPT = 2_000;

function versionNegotiation(protocol: TrendProtocol) {
  if (protocol === 'auto') return { mode: 'auto' as const };
  // The 2025 era has no negotiation: a plain `initialize` settles on 2025-11-25.
  if (protocol === '2025-11-25') return { mode: 'legacy' as const };
  return { mode: { pin: protocol } };
}

function stdioTransport(options: ConnectTrendServerOptions, command: string[], stderr: { text: string }) {
  const [file, ...args] = command;
  const transport = new StdioClientTransport({
    command: file ?? '',
    args,
    env: { ...getDefaultEnvironment(), ...options.env },
    stderr: 'pipe',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  // The server logs to stderr: its last lines explain a server that exits at start.
  transport.stderr?.on('data', (chunk: Buffer | string) => {
    stderr.text = (stderr.text + chunk.toString()).slice(-STDERR_KEPT);
  });
  return transport;
}

function httpTransport(url: URL, token: string | undefined): StreamableHTTPClientTransport {
  return new StreamableHTTPClientTransport(
    url,
    token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : {},
  );
}

function connectHint(options: ConnectTrendServerOptions, message: string): string {
  if (options.command) {
    return /ENOENT/.test(message)
      ? 'the program was not found: give its full path, or `node` and the path of dist/cli/trendscope.js'
      : 'run the command by hand to see why it stops, e.g. a missing --store or an unbuilt dist/';
  }
  if (/401|unauthori[sz]ed/i.test(message))
    return "the server wants a bearer token: pass `token` (the server's --token / TRENDSCOPE_TOKEN)";
  if (/403|forbidden/i.test(message))
    return 'the server refused this Host or Origin: start it with --allow-host';
  return 'start it with `trendscope serve trends --http PORT` and check the URL (the endpoint path is /mcp)';
}

/**
 * Connects to a trend server over stdio (spawning `command`) or Streamable HTTP (`url`), in either
 * protocol era, and returns a client with one typed, validated method per read tool.
 */
export async function connectTrendServer(options: ConnectTrendServerOptions): Promise<TrendClient> {
  const hasCommand = (options.command?.length ?? 0) > 0;
  if (hasCommand === Boolean(options.url)) {
    throw new ConfigError('client.target', 'connectTrendServer needs exactly one of `command` and `url`', {
      hint: "e.g. { command: ['trendscope', 'serve', 'trends'] } or { url: 'http://127.0.0.1:8808/mcp' }",
    });
  }
  let url: URL | undefined;
  if (options.url) {
    try {
      url = new URL(options.url);
    } catch {
      throw new ConfigError('client.url', `invalid trend server URL ${JSON.stringify(options.url)}`, {
        hint: 'give the endpoint, e.g. http://127.0.0.1:8808/mcp',
      });
    }
  }
  const target = url ? url.href : (options.command ?? []).join(' ');
  const stderr = { text: '' };
  const transport: Transport = url
    ? httpTransport(url, options.token)
    : stdioTransport(options, options.command ?? [], stderr);
  const client = new Client(
    { name: options.clientName ?? 'trendscope-client', version: SERVER_VERSION },
    { versionNegotiation: versionNegotiation(options.protocol ?? 'auto') },
  );
  try {
    await client.connect(transport, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
  } catch (error) {
    await client.close().catch(() => {});
    await transport.close().catch(() => {});
    const message = (error as Error).message;
    const said = stderr.text.trim()
      ? `\n  the server said: ${stderr.text.trim().split('\n').slice(-5).join('\n  ')}`
      : '';
    throw new McpCallError(
      'mcp.connect-failed',
      `cannot connect to the trend server ${url ? `at ${target}` : `\`${target}\``}: ${message}${said}`,
      { cause: error, hint: connectHint(options, `${message} ${said}`) },
    );
  }
  return createTrendClient(client, { target });
}
