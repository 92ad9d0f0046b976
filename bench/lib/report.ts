import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './machine.js';

/** The repository root (bench/lib/../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes bench/results/<name>.json with the date and the machine next to the results. */
export async function writeResults(name: string, results: Record<string, unknown>): Promise<string> {
  const file = path.join(ROOT, 'bench', 'results', `${name}.json`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const body = { bench: name, date: new Date().toISOString(), machine: machineInfo(), ...results };
  await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

/**
 * Puts a `## title` section into BENCHMARKS.md: replaces the section of that title if there is one
 * (up to the next `## `), appends it otherwise; other sections are kept as they are.
 */
export async function writeSection(title: string, body: string): Promise<void> {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  let text = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n');
  const section = `## ${title}\n\n${body.trim()}\n`;
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = text.search(new RegExp(`^## ${escaped}\\s*$`, 'm'));
  if (start === -1) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const rest = text.slice(start + 1).search(/^## /m);
    const end = rest === -1 ? text.length : start + 1 + rest;
    text = `${text.slice(0, start)}${section}${end < text.length ? `\n${text.slice(end)}` : ''}`;
  }
  await fs.writeFile(file, text);
}

/** A Markdown table from a header row and rows of cells. */
export function table(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  align?: string,
): string {
  const sep = align ?? header.map((_, i) => (i === 0 ? '---' : '---:')).join('|');
  return [`| ${header.join(' | ')} |`, `|${sep}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Progress of a benchmark on stderr (stdout stays free for anything piped). */
export function log(bench: string, message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${bench}: ${message}\n`);
}
