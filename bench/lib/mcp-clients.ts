import { spawn } from 'node:child_process';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { cliPath } from './fixtures.js';

const INFO = { name: 'trendscope-bench', version: '1.0.0' };

/** A connected MCP client over stdio to a spawned server process. */
export async function stdioClient(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Client> {
  const client = new Client(INFO);
  const transport = new StdioClientTransport({
    command,
    args,
    env: { ...(process.env as Record<string, string>), ...env },
    stderr: 'ignore',
  });
  await client.connect(transport);
  return client;
}

/** A connected MCP client over Streamable HTTP. */
export async function httpClient(url: string): Promise<Client> {
  const client = new Client(INFO);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

/** `trendscope serve trends --http 127.0.0.1:0` as a child process, with the URL it printed. */
export async function spawnHttpTrendServer(store: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      cliPath(),
      'serve',
      'trends',
      '--store',
      `file:${store}`,
      '--http',
      '127.0.0.1:0',
      '--log-level',
      'info',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /listening at (http:\/\/\S+\/mcp)/.exec(seen);
      if (match) {
        child.stderr.off('data', onData);
        // Keep draining stderr so the server never blocks on a full pipe.
        child.stderr.resume();
        resolve(match[1]!);
      }
    };
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`trend server exited with ${code}: ${seen.slice(-2000)}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls a tool and measures the round trip in milliseconds; a tool error is thrown. */
export async function timedCall(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<{ ms: number; result: Awaited<ReturnType<Client['callTool']>> }> {
  const started = performance.now();
  const result = await client.callTool({ name, arguments: args });
  const ms = performance.now() - started;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content).slice(0, 500)}`);
  return { ms, result };
}
