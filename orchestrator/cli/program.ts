import { Command, CommanderError } from 'commander';
import { describeError, EXIT, exitCodeFor } from '../../shared/errors.js';
import { registerCommands } from './commands/index.js';

/** The package version, read once (kept in one place: package.json). */
export const VERSION = '0.1.0';

/** Builds the `trendscope` command tree. */
export function createProgram(): Command {
  const program = new Command('trendscope')
    .description('Turn conference session notes into technology-trend reports, served over MCP.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code; errors become messages and exit codes here only. */
export async function runCli(argv: string[]): Promise<number> {
  const program = createProgram();
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    process.stderr.write(`trendscope: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}
