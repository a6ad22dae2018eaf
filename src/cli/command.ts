// What every `podbot` subcommand is: a name, its help text, and a run function that resolves with an exit code.
// Commands stay thin: they parse arguments, read the settings and call code that lives in its capability or src/db.
import type { Clock } from '../outbox/types';

/** Where a command writes: stdout for results, stderr for progress and problems. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext {
  env: NodeJS.ProcessEnv;
  io: CliIo;
  clock: Clock;
  /** Resolves when the process is asked to stop (SIGTERM or SIGINT); `start` shuts down then. */
  stopRequested: Promise<string>;
}

export interface Command {
  /** The words that select it, e.g. `pods plan`. */
  name: string;
  /** One line for `podbot --help`. */
  summary: string;
  /** `podbot <name> --help`: usage line, options, exit codes. */
  help: string;
  /** Runs with the arguments after the command's name; resolves with the exit code (see EXIT). */
  run(argv: readonly string[], ctx: CliContext): Promise<number>;
}

/** Exit codes of every subcommand. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Wrong arguments: the CLI prints the reason and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the command has already explained in plain words: the CLI prints the message alone and exits 1. */
export class CliFailure extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliFailure';
  }
}
