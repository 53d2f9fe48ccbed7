// The Baoxun command line: `npm run --silent cli -- <command> ...`. A small dispatcher; each
// command lives in cli/commands/<name>.ts and is loaded only when asked for, so a command that
// pulls in WASM (dedup, search) costs nothing to the others.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, INVOCATION, processIO, type CliCommandModule, type CliIO } from './io';

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommandModule | null>;
}

/**
 * Load a command module by name from a computed path. Used for commands another change adds
 * (their file may not exist yet in a given checkout): null when the file is absent, so the user
 * gets a clear 'not available' instead of a module-resolution stack trace.
 */
async function loadOptional(name: string): Promise<CliCommandModule | null> {
  const url = new URL(`./commands/${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const mod = (await import(url.href)) as Partial<CliCommandModule>;
  if (typeof mod.run !== 'function') throw new Error(`cli/commands/${name}.ts does not export run()`);
  return mod as CliCommandModule;
}

const COMMANDS: Record<string, CommandEntry> = {
  parse: {
    summary: 'split bulletins into articles; one JSON object on stdout',
    load: () => import('./commands/parse'),
  },
  dedup: {
    summary: 'find duplicate files, reprinted stories, echoes and pasted passages',
    load: () => loadOptional('dedup'),
  },
  entities: {
    summary: 'people with their posts over time, who held each post, places',
    load: () => import('./commands/entities'),
  },
  search: {
    summary: 'search bulletins with the page\'s query language; hits as JSON',
    load: () => import('./commands/search'),
  },
  build: {
    summary: 'build the SQLite corpus file the page opens or a site hosts (-o corpus.sqlite)',
    load: () => import('./commands/build'),
  },
};

/** Commands announced in docs/cli.md that no change has built yet. */
const PLANNED: string[] = [];

const USAGE = `Usage: ${INVOCATION} <command> [options] <file|dir>...

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n')}

${PLANNED.length ? `Planned: ${PLANNED.join(', ')}. ` : ''}'${INVOCATION} <command> --help' shows a command's options.
Exit status: 0 success, 1 some input failed, 2 usage error. Documentation: docs/cli.md
`;

/** Dispatch argv (without node and script) to a command; resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(USAGE);
    return EXIT.usage;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    const why = PLANNED.includes(name) ? `'${name}' is planned but not available yet` : `unknown command '${name}'`;
    io.err(`baoxun: ${why}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (!command) {
    io.err(`baoxun: the '${name}' command is not available in this checkout (cli/commands/${name}.ts is missing)\n`);
    return EXIT.usage;
  }
  return command.run(rest, io);
}

const isEntryPoint = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntryPoint) {
  const io = processIO();
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw err;
  });
  main(process.argv.slice(2), io).then(
    // exitCode, not exit(): let stdout drain so large JSON output is never cut short.
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      io.err(`baoxun: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = EXIT.inputFailed;
    },
  );
}
