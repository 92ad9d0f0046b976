/**
 * Synthetic corpora for benchmarks and tests: N seeded, deterministic session notes (about 60 %
 * Chinese, 40 % English) drawn from fifteen themes, with their labels in the examples' format.
 *
 * CLI: `node --import tsx bench/generate-corpus.ts --n 1000 --out DIR --seed 1 [--labels FILE] [--zh 0.6]`
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Labels } from '../shared/schemas/index.js';
import { composeNote } from './lib/compose-note.js';
import { createRng, type Rng } from './lib/prng.js';
import { THEMES } from './lib/themes.js';

/** What to generate. */
export interface GenerateOptions {
  /** Number of sessions. */
  n: number;
  seed: number;
  /** Corpus name in the labels (default `synthetic-<n>-<seed>`). */
  name?: string;
  /** Share of Chinese notes, 0–1 (default 0.6). */
  zhShare?: number;
}

/** One generated note file, relative to the corpus folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** A generated corpus: its files and the labels (theme = trend number, tools named in each note). */
export interface GeneratedCorpus {
  files: GeneratedFile[];
  labels: Labels;
}

const SEMINARS = [
  { name: '2025 AICon Shanghai', date: [2025, 5, 23] },
  { name: '2025 QCon Beijing', date: [2025, 4, 10] },
  { name: '2025 DevSummit Berlin', date: [2025, 9, 16] },
  { name: '2025 DataConf Shenzhen', date: [2025, 11, 7] },
  { name: '2026 CloudWeek Singapore', date: [2026, 3, 3] },
] as const;
const ZH_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const ZH_GIVEN = [
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '文',
  '华',
  '宇',
  '晨',
  '欣',
  '然',
];
const EN_FIRST = [
  'Alice',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Nikhil',
  'Olga',
  'Pedro',
];
const EN_LAST = [
  'Anders',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Moreau',
  'Novak',
  'Okafor',
  'Patel',
];
const ZH_ORG = [
  ['星', '云', '深', '智', '蓝', '光', '海', '极'],
  ['图', '帆', '瀚', '澜', '启', '翼', '衡', '象'],
  ['科技', '智能', '数据', '网络'],
];
const EN_ORG = [
  ['Northwind', 'Bluefin', 'Helios', 'Quartz', 'Lumen', 'Orbit', 'Cedar', 'Vertex', 'Harbor'],
  ['Labs', 'Systems', 'Data', 'Cloud'],
];

/** Generates a corpus in memory; the same options always give the same bytes. */
export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  if (!Number.isInteger(options.n) || options.n < 1)
    throw new RangeError(`n must be a positive integer, not ${options.n}`);
  const rng = createRng(options.seed);
  const zhShare = options.zhShare ?? 0.6;
  const width = Math.max(5, String(options.n).length);
  const files: GeneratedFile[] = [];
  const labels: Labels = {
    corpus: options.name ?? `synthetic-${options.n}-${options.seed}`,
    trends: Object.fromEntries(THEMES.map((theme, i) => [String(i + 1), theme.name])),
    sessions: [],
  };
  for (let i = 0; i < options.n; i++) {
    const mainIndex = rng.int(0, THEMES.length - 1);
    // Mostly a neighbouring theme, sometimes any other: notes overlap a little, as real talks do.
    const offset = rng.chance(0.7) ? rng.pick([-1, 1]) : rng.int(2, THEMES.length - 2);
    const main = THEMES[mainIndex]!;
    const secondary = THEMES[(mainIndex + offset + THEMES.length) % THEMES.length]!;
    const language = rng.chance(zhShare) ? 'zh' : 'en';
    const note = composeNote(rng, { language, main, secondary });
    const seminar = rng.pick(SEMINARS);
    const id = `talk-${String(i + 1).padStart(width, '0')}-${hex(rng)}`;
    const frontMatter = [
      '---',
      `id: ${id}`,
      `title: ${JSON.stringify(note.title)}`,
      `speaker: ${JSON.stringify(speaker(rng, language))}`,
      `organization: ${JSON.stringify(organization(rng, language))}`,
      `seminar: ${JSON.stringify(seminar.name)}`,
      `date: ${isoDate(seminar.date, rng.int(0, 2))}`,
      `track: ${JSON.stringify(note.track)}`,
      `tags: [${note.tags.map((t) => JSON.stringify(t)).join(', ')}]`,
      `language: ${language}`,
      '---',
    ].join('\n');
    files.push({ path: `${slug(seminar.name)}/${id}.md`, content: `${frontMatter}\n\n${note.body}\n` });
    labels.sessions.push({ id, trend: mainIndex + 1, tools: note.tools });
  }
  return { files, labels };
}

/** Writes a generated corpus under `outDir` (created if needed) and, if asked, its labels as JSON. */
export async function writeCorpus(
  corpus: GeneratedCorpus,
  outDir: string,
  labelsFile?: string,
): Promise<void> {
  const dirs = new Set(corpus.files.map((f) => path.dirname(path.join(outDir, f.path))));
  for (const dir of dirs) await fs.mkdir(dir, { recursive: true });
  // Bounded batches: 10 000 open files at once would exhaust descriptors.
  for (let i = 0; i < corpus.files.length; i += 256) {
    await Promise.all(
      corpus.files.slice(i, i + 256).map((f) => fs.writeFile(path.join(outDir, f.path), f.content)),
    );
  }
  if (labelsFile) {
    await fs.mkdir(path.dirname(labelsFile), { recursive: true });
    await fs.writeFile(labelsFile, `${JSON.stringify(corpus.labels, null, 2)}\n`);
  }
}

function speaker(rng: Rng, language: 'zh' | 'en'): string {
  if (language === 'zh')
    return rng.pick(ZH_SURNAMES) + rng.pick(ZH_GIVEN) + (rng.chance(0.6) ? rng.pick(ZH_GIVEN) : '');
  return `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
}

function organization(rng: Rng, language: 'zh' | 'en'): string {
  const parts = language === 'zh' ? ZH_ORG : EN_ORG;
  return parts.map((p) => rng.pick(p)).join(language === 'zh' ? '' : ' ');
}

function isoDate([y, m, d]: readonly number[], plusDays: number): string {
  return new Date(Date.UTC(y!, m! - 1, d! + plusDays)).toISOString().slice(0, 10);
}

function hex(rng: Rng): string {
  return rng.int(0, 0xffff).toString(16).padStart(4, '0');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      labels: { type: 'string' },
      zh: { type: 'string' },
    },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    process.stderr.write('usage: generate-corpus --n N --out DIR [--seed S] [--labels FILE] [--zh 0.6]\n');
    process.exitCode = 2;
    return;
  }
  const zhShare = values.zh === undefined ? undefined : Number(values.zh);
  const corpus = generateCorpus({ n, seed, name: path.basename(path.resolve(values.out)), zhShare });
  await writeCorpus(corpus, values.out, values.labels);
  process.stderr.write(
    `wrote ${corpus.files.length} notes to ${values.out}${values.labels ? ` and labels to ${values.labels}` : ''}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
