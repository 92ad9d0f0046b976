/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and sums sample time by function and by file,
 * self and inclusive, so a benchmark can print where a run spent its time.
 *
 * CLI: `node --import tsx bench/lib/cpu-profile.ts FILE.cpuprofile [--top 25] [--match TEXT]`
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Time of one function or file in a profile, in milliseconds. */
export interface ProfileRow {
  name: string;
  selfMs: number;
  totalMs: number;
}

/** Self and inclusive time per function (`name file:line`) and per file, largest first. */
export function summarizeProfile(file: string): {
  totalMs: number;
  functions: ProfileRow[];
  files: ProfileRow[];
} {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const fn = new Map<string, ProfileRow>();
  const files = new Map<string, ProfileRow>();
  const row = (map: Map<string, ProfileRow>, name: string) => {
    let r = map.get(name);
    if (!r) {
      r = { name, selfMs: 0, totalMs: 0 };
      map.set(name, r);
    }
    return r;
  };
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    const node = byId.get(id)!;
    row(fn, label(node)).selfMs += us / 1000;
    row(files, fileOf(node)).selfMs += us / 1000;
    // Inclusive: every distinct function and file on the stack gets the sample once.
    const seenFn = new Set<string>();
    const seenFile = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const l = label(n);
      const f = fileOf(n);
      if (!seenFn.has(l)) row(fn, l).totalMs += us / 1000;
      if (!seenFile.has(f)) row(files, f).totalMs += us / 1000;
      seenFn.add(l);
      seenFile.add(f);
    }
  }
  const sort = (m: Map<string, ProfileRow>) => [...m.values()].sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs: totalUs / 1000, functions: sort(fn), files: sort(files) };
}

function label(node: ProfileNode): string {
  const { functionName, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${fileOf(node)}:${lineNumber + 1}`;
}

function fileOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName.startsWith('(') ? node.callFrame.functionName : '(native)';
  // Benchmarks run a copy of dist/ under node_modules/.cache: show it as dist/.
  const clean = url
    .replace(/^file:\/\//, '')
    .replace(/\/node_modules\/\.cache\/trendscope-bench\/dist-\d+\//, '/dist/');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm);
  const cwd = `${process.cwd()}/`;
  return clean.startsWith(cwd) ? clean.slice(cwd.length) : clean;
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      match: { type: 'string' },
      inclusive: { type: 'boolean' },
    },
  });
  const top = Number(values.top);
  for (const file of positionals) {
    const summary = summarizeProfile(file);
    const pick = (rows: ProfileRow[]) =>
      (values.inclusive ? [...rows].sort((a, b) => b.totalMs - a.totalMs) : rows)
        .filter((r) => !values.match || r.name.includes(values.match))
        .slice(0, top);
    const print = (r: ProfileRow) =>
      `${r.selfMs.toFixed(0).padStart(8)} ${r.totalMs.toFixed(0).padStart(8)}  ${r.name}`;
    process.stdout.write(`${file}: ${summary.totalMs.toFixed(0)} ms sampled\n    self    total  (ms)\n`);
    process.stdout.write(`-- files\n${pick(summary.files).map(print).join('\n')}\n`);
    process.stdout.write(`-- functions\n${pick(summary.functions).map(print).join('\n')}\n`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
