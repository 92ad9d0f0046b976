import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built CLI (tests/e2e/global-setup.ts keeps it current). */
export const CLI_PATH = path.join(root, 'dist/cli/trendscope.js');

/** A spawned `trendscope` process with its collected stderr. */
export interface CliProcess {
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  stop(): Promise<number | string>;
}

/** Spawns the built CLI with a clean environment (no token or store inherited from the caller). */
export function spawnCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const { TRENDSCOPE_TOKEN: _t, TRENDSCOPE_STORE: _s, ...inherited } = process.env;
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd: root,
    env: { ...inherited, TRENDSCOPE_LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Waits until the process logs its HTTP endpoint and returns the URL. */
export function endpointOf(cli: CliProcess, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const match = /listening at (http:\/\/\S+\/mcp)/.exec(cli.stderr());
      if (match?.[1]) return resolve(match[1]);
      if (cli.child.exitCode !== null) return reject(new Error(`the server exited:\n${cli.stderr()}`));
      if (Date.now() - started > timeoutMs)
        return reject(new Error(`no endpoint after ${timeoutMs} ms:\n${cli.stderr()}`));
      cli.child.stderr?.once('data', check);
      cli.child.once('exit', check);
    };
    check();
  });
}
