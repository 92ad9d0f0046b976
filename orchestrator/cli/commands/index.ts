import type { Command } from 'commander';

/** Adds every subcommand to the program (one file per command). */
export function registerCommands(program: Command): void {
  void program;
}
