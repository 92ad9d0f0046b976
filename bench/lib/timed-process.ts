import { spawn } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one whole-process run cost. */
export interface ProcessCost {
  exitCode: number | null;
  wallMs: number;
  /** CPU time in user and kernel mode (null when it could not be measured). */
  userMs: number | null;
  sysMs: number | null;
  /** Peak resident set size in MB (null when it could not be measured). */
  maxRssMB: number | null;
  /** How the peak RSS and CPU were measured. */
  method: 'gnu-time' | 'proc-poll' | 'none';
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args` to the end and measures it: wall time here, CPU time and peak RSS with GNU
 * time (`/usr/bin/time`, which reads the child's rusage) when present, else by polling
 * /proc/<pid>/status (VmHWM) where there is a /proc, else wall time only.
 */
export async function runTimed(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessCost> {
  const useTime = existsSync(GNU_TIME);
  const statsFile = path.join(os.tmpdir(), `trendscope-time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = useTime
    ? [GNU_TIME, ['-o', statsFile, '-f', '%e %U %S %M', command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    // Keep the tail only: a 10 000-session build logs a progress line per few percent.
    stderr = (stderr + chunk).slice(-20_000);
  });
  let peakKB = 0;
  const poll =
    !useTime && child.pid !== undefined && existsSync(`/proc/${child.pid}/status`)
      ? setInterval(() => {
          try {
            const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (hwm) peakKB = Math.max(peakKB, Number(hwm[1]));
          } catch {
            // The process is gone.
          }
        }, 50)
      : undefined;
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  if (useTime) {
    const text = await fs.readFile(statsFile, 'utf8').catch(() => '');
    await fs.rm(statsFile, { force: true });
    // GNU time writes "Command exited with non-zero status N" before the format line.
    const last = text.trim().split('\n').pop() ?? '';
    const [, user, sys, rss] = last.split(/\s+/).map(Number);
    if (
      user !== undefined &&
      sys !== undefined &&
      rss !== undefined &&
      [user, sys, rss].every(Number.isFinite)
    ) {
      return {
        exitCode,
        wallMs,
        userMs: user * 1000,
        sysMs: sys * 1000,
        maxRssMB: rss / 1024,
        method: 'gnu-time',
        stderr,
      };
    }
  }
  return {
    exitCode,
    wallMs,
    userMs: null,
    sysMs: null,
    maxRssMB: peakKB > 0 ? peakKB / 1024 : null,
    method: peakKB > 0 ? 'proc-poll' : 'none',
    stderr,
  };
}
