import type { Command } from 'commander';
import { registerCorpusCheckCommand } from './corpus-check.js';

/** Adds every subcommand to the program (one file per command). */
export function registerCommands(program: Command): void {
  registerCorpusCheckCommand(program);
}
