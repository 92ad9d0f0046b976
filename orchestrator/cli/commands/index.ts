import type { Command } from 'commander';
import { registerAskCommand } from './ask.js';
import { registerBuildCommand } from './build.js';
import { registerCorpusCheckCommand } from './corpus-check.js';
import { registerEvalCommand } from './eval.js';
import { registerServeCommand } from './serve.js';
import { registerWorkerCommand } from './worker.js';

/** Adds every subcommand to the program (one file per command). */
export function registerCommands(program: Command): void {
  registerAskCommand(program);
  registerBuildCommand(program);
  registerCorpusCheckCommand(program);
  registerEvalCommand(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
}
