/**
 * Build benchmark: whole `trendscope build` processes (the built CLI, offline engine, file store) on
 * the example corpus (30 sessions) and on generated corpora of 1 000 and 10 000 sessions; medians of
 * several runs with wall time, CPU time, peak RSS and the per-stage durations of the run manifests;
 * then incremental rebuilds of the 1 000-session corpus with one note changed.
 *
 * Run with `npm run bench -- build`; writes bench/results/build.json and the Build section of
 * BENCHMARKS.md. TRENDSCOPE_BENCH_SIZES (default `30,1000,10000`) and TRENDSCOPE_BENCH_RUNS
 * (default `5,3,3`) choose the corpora and the runs of each; TRENDSCOPE_BENCH_PROFILE=1 adds one more
 * run of the largest corpus under `node --cpu-prof` (not counted in the medians) and summarises it.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type BuildRun,
  type BuildSummary,
  buildOnce,
  copyCorpus,
  summarizeBuilds,
  touchNote,
} from './lib/build-runs.js';
import { type ProfileRow, summarizeProfile } from './lib/cpu-profile.js';
import { EXAMPLE_CORPUS, ensureDist, generatedCorpus } from './lib/fixtures.js';
import { machineInfo, machineLine } from './lib/machine.js';
import { log, table, writeResults, writeSection } from './lib/report.js';
import { round } from './lib/stats.js';

const TARGETS = {
  example30Ms: 2_000,
  ratio10kTo1k: 12,
  build10kMs: 60_000,
  rss10kMB: 1_024,
  incrementalShare: 0.1,
};
const INCREMENTAL_RUNS = 3;

const list = (value: string | undefined, fallback: number[]) =>
  value
    ? value
        .split(',')
        .map((v) => Number(v.trim()))
        .filter((v) => Number.isInteger(v) && v > 0)
    : fallback;

/** Runs the build benchmark and records its results. */
export async function run(): Promise<void> {
  const machine = machineInfo();
  const sizes = list(process.env.TRENDSCOPE_BENCH_SIZES, [30, 1000, 10_000]);
  const runsOf = list(process.env.TRENDSCOPE_BENCH_RUNS, [5, 3, 3]);
  await ensureDist();

  const full: Record<string, BuildSummary> = {};
  let store1k: string | undefined;
  for (const [i, n] of sizes.entries()) {
    const corpus = n === 30 ? EXAMPLE_CORPUS : (await generatedCorpus(n)).dir;
    const runs: BuildRun[] = [];
    const count = runsOf[i] ?? runsOf[runsOf.length - 1] ?? 1;
    for (let r = 0; r < count; r++) {
      const result = await buildOnce(corpus);
      runs.push(result);
      log(
        'build',
        `${n} sessions, run ${r + 1}/${count}: ${(result.cost.wallMs / 1000).toFixed(1)} s wall, ${fmtMB(result.cost.maxRssMB)} peak RSS`,
      );
      // The last 1 000-session store is where the incremental runs start from.
      if (n === 1000 && r === count - 1) store1k = result.store;
      else await fs.rm(result.store, { recursive: true, force: true });
    }
    full[n] = summarizeBuilds(runs);
  }

  let incremental: (BuildSummary & { baselineMs: number; share: number }) | undefined;
  if (store1k && full[1000]) {
    const corpus = await copyCorpus((await generatedCorpus(1000)).dir);
    const runs: BuildRun[] = [];
    for (let r = 0; r < INCREMENTAL_RUNS; r++) {
      await touchNote(corpus, 17 + r * 101, r);
      const result = await buildOnce(corpus, store1k);
      runs.push(result);
      log(
        'build',
        `incremental run ${r + 1}: ${result.manifest.counts.extracted} extracted, ${(result.cost.wallMs / 1000).toFixed(1)} s`,
      );
    }
    const summary = summarizeBuilds(runs);
    incremental = {
      ...summary,
      baselineMs: full[1000].wallMs,
      share: round(summary.wallMs / full[1000].wallMs, 3),
    };
    await fs.rm(path.dirname(corpus), { recursive: true, force: true });
    await fs.rm(store1k, { recursive: true, force: true });
  }

  const profile =
    process.env.TRENDSCOPE_BENCH_PROFILE === '1' ? await profileBuild(sizes[sizes.length - 1]!) : undefined;

  const ratio = full[1000] && full[10_000] ? round(full[10_000].wallMs / full[1000].wallMs, 2) : null;
  const cpuRatio =
    full[1000]?.cpuMs && full[10_000]?.cpuMs ? round(full[10_000].cpuMs / full[1000].cpuMs, 2) : null;
  const results = {
    targets: TARGETS,
    full,
    ratio10kTo1k: { wall: ratio, cpu: cpuRatio },
    incremental,
    profile,
  };
  await writeResults('build', results);
  await writeSection('Build', markdown(full, incremental, ratio, cpuRatio, machineLine(machine), profile));
  log('build', 'done: bench/results/build.json, BENCHMARKS.md (Build)');
}

interface ProfileSummary {
  sessions: number;
  sampledMs: number;
  files: ProfileRow[];
  functions: ProfileRow[];
}

/** One more build of the largest corpus under `node --cpu-prof`: where its time went, by file and function. */
async function profileBuild(n: number): Promise<ProfileSummary> {
  const corpus = n === 30 ? EXAMPLE_CORPUS : (await generatedCorpus(n)).dir;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trendscope-bench-profile-'));
  try {
    const run = await buildOnce(corpus, undefined, ['--cpu-prof', '--cpu-prof-dir', dir]);
    await fs.rm(run.store, { recursive: true, force: true });
    const [file] = (await fs.readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no CPU profile in ${dir}`);
    const summary = summarizeProfile(path.join(dir, file));
    const round = (r: ProfileRow) => ({
      name: r.name,
      selfMs: Math.round(r.selfMs),
      totalMs: Math.round(r.totalMs),
    });
    log('build', `profiled a ${n}-session build: ${(summary.totalMs / 1000).toFixed(1)} s sampled`);
    return {
      sessions: n,
      sampledMs: Math.round(summary.totalMs),
      files: summary.files.slice(0, 15).map(round),
      functions: summary.functions.slice(0, 15).map(round),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function fmtMB(mb: number | null): string {
  return mb === null ? 'n/a' : `${Math.round(mb)} MB`;
}

function fmtS(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? 'n/a' : (ms / 1000).toFixed(2);
}

function verdict(ok: boolean | null): string {
  return ok === null ? 'not measured' : ok ? 'met' : '**missed**';
}

function markdown(
  full: Record<string, BuildSummary>,
  incremental: (BuildSummary & { baselineMs: number; share: number }) | undefined,
  ratio: number | null,
  cpuRatio: number | null,
  machine: string,
  profile: ProfileSummary | undefined,
): string {
  const sizes = Object.keys(full);
  const name = (n: string) => (n === '30' ? '30 (example)' : Number(n).toLocaleString('en'));
  const rows = sizes.map((n) => {
    const s = full[n]!;
    return [
      name(n),
      s.runs,
      fmtS(s.wallMs),
      fmtS(s.cpuMs),
      fmtMB(s.maxRssMB),
      s.extracted,
      s.trends,
      s.tools,
    ];
  });
  if (incremental) {
    const s = incremental;
    rows.push([
      '1,000, one note changed',
      s.runs,
      fmtS(s.wallMs),
      fmtS(s.cpuMs),
      fmtMB(s.maxRssMB),
      s.extracted,
      s.trends,
      s.tools,
    ]);
  }
  const stageNames = [...new Set(Object.values(full).flatMap((s) => Object.keys(s.stagesMs)))];
  const stageRows = stageNames.map((stage) => [
    stage,
    ...sizes.map((n) => fmtS(full[n]!.stagesMs[stage])),
    ...(incremental ? [fmtS(incremental.stagesMs[stage])] : []),
  ]);
  const f30 = full['30'];
  const f10k = full['10000'];
  const targets = [
    [
      '30 sessions (example corpus)',
      '≤ 2 s',
      f30 ? `${fmtS(f30.wallMs)} s` : 'n/a',
      verdict(f30 ? f30.wallMs <= TARGETS.example30Ms : null),
    ],
    [
      '10 000 / 1 000 time ratio',
      '≤ 12',
      ratio === null ? 'n/a' : `${ratio} (CPU ${cpuRatio ?? 'n/a'})`,
      verdict(ratio === null ? null : ratio <= TARGETS.ratio10kTo1k),
    ],
    [
      '10 000 sessions',
      '≤ 60 s',
      f10k ? `${fmtS(f10k.wallMs)} s` : 'n/a',
      verdict(f10k ? f10k.wallMs <= TARGETS.build10kMs : null),
    ],
    [
      '10 000 sessions, peak RSS',
      '≤ 1 GB',
      f10k ? fmtMB(f10k.maxRssMB) : 'n/a',
      verdict(f10k?.maxRssMB ? f10k.maxRssMB <= TARGETS.rss10kMB : null),
    ],
    [
      'one changed note of 1 000',
      '1 extraction, ≤ 10 % of full',
      incremental
        ? `${incremental.extracted} extraction(s), ${(incremental.share * 100).toFixed(1)} %`
        : 'n/a',
      verdict(
        incremental ? incremental.extracted === 1 && incremental.share <= TARGETS.incrementalShare : null,
      ),
    ],
  ];
  return [
    `Command: \`npm run bench -- build\` (bench/build.ts), ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machine}.`,
    'Each run spawns the built CLI (`node dist/cli/trendscope.js build --corpus DIR --out DIR --store file:DIR --date ISO`, offline engine; run from a copy of dist/ taken at the start, so that a rebuild of the shared tree cannot change the code mid-table) with a fresh file store; ' +
      'wall time, CPU time (user + system) and peak RSS come from GNU time; stage times from the run manifest in the store (`runs/`). Medians of the runs; times in seconds. ' +
      'Generated corpora: `bench/generate-corpus.ts`, seed 1, 60 % Chinese / 40 % English, 15 themes.',
    '',
    table(['corpus', 'runs', 'wall', 'CPU', 'peak RSS', 'extracted', 'trends', 'tools'], rows),
    '',
    'Stages (median seconds):',
    '',
    table(['stage', ...sizes.map(name), ...(incremental ? ['1,000 incremental'] : [])], stageRows),
    '',
    table(['target', 'goal', 'measured', ''], targets, '---|---|---:|---'),
    ...(profile ? ['', ...profileMarkdown(profile)] : []),
  ].join('\n');
}

function profileMarkdown(profile: ProfileSummary): string[] {
  const rows = (list: ProfileRow[]) =>
    list.slice(0, 10).map((r) => [`\`${r.name}\``, fmtS(r.selfMs), fmtS(r.totalMs)]);
  return [
    `Profile of one more ${profile.sessions.toLocaleString('en')}-session build under \`node --cpu-prof\` (wall-clock samples, ${fmtS(profile.sampledMs)} s; self and inclusive seconds):`,
    '',
    table(['file', 'self', 'inclusive'], rows(profile.files)),
    '',
    table(['function', 'self', 'inclusive'], rows(profile.functions)),
  ];
}
