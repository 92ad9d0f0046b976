import { existsSync } from 'node:fs';

/** How to start a worker thread on one of the project's modules. */
export interface WorkerEntry {
  entry: string | URL;
  /** True when `entry` is a boot script rather than a module URL. */
  eval: boolean;
  execArgv?: string[];
}

/**
 * The worker module `name` (no extension) beside the module at `base` (its `import.meta.url`):
 * the compiled `.js` when it is there; running from the TypeScript sources (tests, benchmarks), a
 * boot script that registers tsx's loader in the thread before importing the `.ts` (a loader given
 * as a flag does not reach threads). Undefined when neither can run.
 */
export function workerEntry(base: string, name: string): WorkerEntry | undefined {
  const compiled = new URL(`./${name}.js`, base);
  if (existsSync(compiled)) return { entry: compiled, eval: false };
  const source = new URL(`./${name}.ts`, base);
  if (!existsSync(source)) return undefined;
  let loader: string;
  try {
    loader = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const boot =
    `import(${JSON.stringify(loader)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`;
  return { entry: boot, eval: true, execArgv: [] };
}
