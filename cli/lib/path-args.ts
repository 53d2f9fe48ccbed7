// The argument handling the path-taking commands (parse, dedup) share: `--` ends options,
// -h/--help prints usage, an unknown option or no path is a usage error.
import type { CliIO } from '../io';
import { EXIT } from '../io';

/** The paths given, or the exit code when the command should stop here. */
export function readPathArgs(command: string, args: string[], usage: string, io: CliIO): string[] | number {
  const paths: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && (arg === '-h' || arg === '--help')) {
      io.out(usage);
      return EXIT.ok;
    } else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      io.err(`${command}: unknown option ${arg}\n\n${usage}`);
      return EXIT.usage;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    io.err(`${command}: give at least one file or directory\n\n${usage}`);
    return EXIT.usage;
  }
  return paths;
}
