// The contract between the dispatcher (cli/main.ts) and each command module in cli/commands/.
// Commands write through `io` instead of touching process.stdout so tests can capture output and
// so a command never calls process.exit (the dispatcher owns the exit code).

/** Where a command writes: `out` for its result (stdout), `err` for usage and notes (stderr). */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** What every `cli/commands/<name>.ts` module exports. */
export interface CliCommandModule {
  /** Run the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Exit codes shared by every command: 0 all went well, 1 some input failed, 2 usage error. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2 } as const;

/** The CLI's invocation, as users type it, for usage texts. */
export const INVOCATION = 'npm run --silent cli --';

/** An io that writes to this process's stdout and stderr. */
export function processIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}
