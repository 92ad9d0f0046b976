import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunManifest, RunManifestSchema } from '../../shared/schemas/index.js';
import { buildArgs } from './fixtures.js';
import { median } from './stats.js';
import { type ProcessCost, runTimed } from './timed-process.js';

/** One measured `trendscope build`: the process cost and the run manifest it saved. */
export interface BuildRun {
  cost: ProcessCost;
  manifest: RunManifest;
}

/** Medians over several builds of one corpus. */
export interface BuildSummary {
  runs: number;
  wallMs: number;
  cpuMs: number | null;
  maxRssMB: number | null;
  /** Median duration of each stage, from the run manifests. */
  stagesMs: Record<string, number>;
  extracted: number;
  cached: number;
  trends: number;
  tools: number;
  /** Every run, for the JSON results. */
  all: Array<{ wallMs: number; cpuMs: number | null; maxRssMB: number | null }>;
}

/** The newest run manifest in a file store (by start time). */
export async function latestManifest(store: string): Promise<RunManifest> {
  const dir = path.join(store, 'runs');
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const manifests = await Promise.all(
    names.map(async (n) => RunManifestSchema.parse(JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')))),
  );
  manifests.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (!manifests[0]) throw new Error(`no run manifest in ${dir}`);
  return manifests[0];
}

/** Runs the built CLI once on `corpus` with the given store (a new temp store when omitted) and Node options. */
export async function buildOnce(
  corpus: string,
  store?: string,
  nodeArgs: readonly string[] = [],
): Promise<BuildRun & { store: string }> {
  const dir = store ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-store-')));
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-site-'));
  try {
    const cost = await runTimed(process.execPath, [...nodeArgs, ...buildArgs(corpus, out, dir)]);
    // 1 is also a built report with verification warnings: the run manifest tells them apart.
    const manifest = await latestManifest(dir).catch(() => undefined);
    if ((cost.exitCode !== 0 && cost.exitCode !== 1) || manifest?.status !== 'succeeded') {
      throw new Error(
        `trendscope build exited with ${cost.exitCode} (run ${manifest?.status ?? 'not recorded'}):\n${cost.stderr.slice(-3000)}`,
      );
    }
    return { cost, manifest, store: dir };
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
}

/** Medians of several runs. */
export function summarizeBuilds(runs: BuildRun[]): BuildSummary {
  const pick = (f: (r: BuildRun) => number | null) => {
    const values = runs.map(f).filter((v): v is number => v !== null);
    return values.length === runs.length ? Math.round(median(values)) : null;
  };
  const stageNames = [...new Set(runs.flatMap((r) => r.manifest.stages.map((s) => s.name)))];
  const stagesMs = Object.fromEntries(
    stageNames.map((name) => [
      name,
      Math.round(median(runs.map((r) => r.manifest.stages.find((s) => s.name === name)?.durationMs ?? 0))),
    ]),
  );
  const last = runs[runs.length - 1]!.manifest;
  return {
    runs: runs.length,
    wallMs: pick((r) => r.cost.wallMs)!,
    cpuMs: pick((r) =>
      r.cost.userMs === null || r.cost.sysMs === null ? null : r.cost.userMs + r.cost.sysMs,
    ),
    maxRssMB: pick((r) => r.cost.maxRssMB),
    stagesMs,
    extracted: last.counts.extracted,
    cached: last.counts.cached,
    trends: last.counts.trends,
    tools: last.counts.tools,
    all: runs.map((r) => ({
      wallMs: Math.round(r.cost.wallMs),
      cpuMs:
        r.cost.userMs === null || r.cost.sysMs === null ? null : Math.round(r.cost.userMs + r.cost.sysMs),
      maxRssMB: r.cost.maxRssMB === null ? null : Math.round(r.cost.maxRssMB),
    })),
  };
}

/** Copies a corpus folder so that one note can be changed without touching the original. */
export async function copyCorpus(from: string): Promise<string> {
  const to = path.join(
    await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-corpus-')),
    path.basename(from),
  );
  await fs.cp(from, to, { recursive: true });
  return to;
}

/** Appends a sentence to the `index`-th note (sorted by path), which changes its content hash. */
export async function touchNote(corpus: string, index: number, round: number): Promise<string> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  await walk(corpus);
  files.sort();
  const file = files[index % files.length]!;
  await fs.appendFile(
    file,
    `\nUpdate ${round}: the speaker added a short answer from the Q&A about rollout timelines.\n`,
  );
  return file;
}
