import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Instruction {
  op: string;
  args: string;
  /** The working directory the instruction runs in. */
  workdir: string;
}
interface Stage {
  name: string;
  workdir: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (comments dropped, continuation lines joined). */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim());
  const stages: Stage[] = [];
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'FROM')
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? '', workdir: '/', instructions: [] });
    const stage = stages.at(-1);
    if (!stage) continue;
    if (upper === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, args);
    stage.instructions.push({ op: upper, args, workdir: stage.workdir });
  }
  return stages;
}

/** Where the build writes the compiled CLI: tsconfig's outDir + the source path, .ts → .js. */
async function compiledPath(source: string): Promise<string> {
  const config = JSON.parse(await readFile(path.join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { outDir: string; rootDir: string };
  };
  const relative = path.posix.relative(config.compilerOptions.rootDir, source);
  return path.posix.join(config.compilerOptions.outDir, relative.replace(/\.ts$/, '.js'));
}

let stages: Stage[];
let runtime: Stage;

beforeAll(async () => {
  stages = parseDockerfile(await readFile(path.join(root, 'Dockerfile'), 'utf8'));
  runtime = stages.at(-1)!;
});

describe('Dockerfile', () => {
  it('builds in one stage and runs from another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) =>
      s.instructions.some((i) => i.op === 'RUN' && /npm run build|tsc/.test(i.args)),
    );
    expect(build).toBeDefined();
    expect(build).not.toBe(runtime);
  });

  it('installs only production dependencies in the runtime, without lifecycle scripts (prepare would build)', () => {
    const installs = runtime.instructions.filter((i) => i.op === 'RUN' && /npm ci/.test(i.args));
    expect(installs).toHaveLength(1);
    expect(installs[0]!.args).toMatch(/--omit=dev/);
    expect(installs[0]!.args).toMatch(/--ignore-scripts/);
  });

  it('runs as a non-root user', () => {
    const users = runtime.instructions.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('starts the bundled CLI that the build stage produces', async () => {
    const entry = runtime.instructions.find((i) => i.op === 'ENTRYPOINT');
    const argv = JSON.parse(entry!.args) as string[];
    expect(argv[0]).toBe('node');
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    const bin = pkg.bin.trendscope ?? '';
    // `npm run build` compiles with tsc (into the outDir) and bundles the CLI from the sources.
    const outDir = (await compiledPath('orchestrator/cli/main.ts')).split('/')[0]!;
    expect(pkg.scripts.build).toMatch(/scripts\/bundle-cli\.mjs/);
    expect(bin.startsWith(`${outDir}/`)).toBe(true);
    const bundler = await readFile(path.join(root, 'scripts/bundle-cli.mjs'), 'utf8');
    expect(bundler).toContain("'orchestrator/cli/main.ts'");
    expect(bundler).toContain(`'${path.posix.dirname(bin)}'`);
    const build = stages.find((s) =>
      s.instructions.some((i) => i.op === 'RUN' && /npm run build/.test(i.args)),
    );
    expect(build?.instructions.some((i) => i.op === 'COPY' && /^scripts\s/.test(i.args))).toBe(true);
    // The runtime copies the build stage's outDir into its app directory; the entrypoint is inside it.
    const copy = runtime.instructions.find(
      (i) => i.op === 'COPY' && i.args.startsWith('--from=') && i.args.includes(`/${outDir} `),
    );
    expect(copy, `COPY --from=… ${outDir}`).toBeDefined();
    const destination = path.posix.resolve(copy!.workdir, copy!.args.split(/\s+/).at(-1)!);
    expect(path.posix.resolve(runtime.workdir, argv[1]!)).toBe(
      path.posix.join(destination, bin.slice(outDir.length + 1)),
    );
    expect(JSON.parse(runtime.instructions.find((i) => i.op === 'CMD')!.args)).toEqual(['--help']);
  });

  it('ships the data files the compiled code reads at run time', () => {
    // shared/text/jieba.ts reads ./dict/terms.txt beside the compiled module.
    expect(existsSync(path.join(root, 'shared/text/dict/terms.txt'))).toBe(true);
    const copies = runtime.instructions.filter((i) => i.op === 'COPY').map((i) => i.args);
    expect(copies.some((c) => /shared\/text\/dict\s+\S*dist\/shared\/text\/dict$/.test(c))).toBe(true);
    expect(copies.some((c) => /^examples\s/.test(c))).toBe(true);
  });
});
