// The podbot CLI: `podbot <command> [options]`. bin/podbot.mjs runs the bundle of this file (dist/cli/main.js).
// Exit codes are the same for every command: 0 success, 1 failure, 2 usage or configuration problem. Problems
// are reported in one or a few lines, never as a stack trace (LOG_LEVEL=debug adds the stack of a failure).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDotenv } from '../config/dotenv';
import { ConfigError } from '../config/problems';
import { DatabaseStartError } from '../db/start-errors';
import { systemClock } from '../outbox/types';
import { CliFailure, EXIT, UsageError, type CliContext, type CliIo, type Command } from './command';
import { commands } from './commands';

const processIo: CliIo = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

export function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `usage: podbot <command> [options]

commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

podbot <command> --help describes a command. Settings come from the environment (and .env);
see .env.example. Exit codes: 0 success, 1 failure, 2 usage or configuration problem.`;
}

/** Finds the command named by the first words of argv (`pods plan` before `pods`). */
function findCommand(argv: readonly string[]): { command: Command; rest: readonly string[] } | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of byLength) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, rest: argv.slice(words.length) };
  }
  return undefined;
}

export interface RunCliOptions {
  env?: NodeJS.ProcessEnv;
  io?: CliIo;
  clock?: CliContext['clock'];
  stopRequested?: Promise<string>;
}

/** Runs one command line; resolves with its exit code. Tests call this directly. */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  const env = options.env ?? process.env;
  if (argv.length === 0) {
    io.stderr(`${overview()}\n`);
    return EXIT.usage;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(`${overview()}\n`);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    const reason = group.length
      ? `${argv[1] === undefined ? 'a subcommand is required' : `unknown subcommand ${argv[1]}`}: podbot ${argv[0]} ${group.map((c) => c.name.split(' ')[1]).join(' | ')}`
      : `unknown command ${argv[0]}`;
    io.stderr(`podbot: ${reason}\n\n${overview()}\n`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  const ctx: CliContext = { env, io, clock: options.clock ?? systemClock, stopRequested: options.stopRequested ?? new Promise(() => {}) };
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    return report(command, error, io, env);
  }
}

function report(command: Command, error: unknown, io: CliIo, env: NodeJS.ProcessEnv): number {
  const title = command.name === 'start' ? 'podbot cannot start' : `podbot ${command.name}`;
  if (error instanceof UsageError) {
    io.stderr(`${title}: ${error.message}\n\n${command.help}\n`);
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    const n = error.problems.length;
    io.stderr(`${title}: ${n} configuration problem${n === 1 ? '' : 's'}\n`);
    for (const problem of error.problems) io.stderr(`  - ${problem.where}: ${problem.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof DatabaseStartError) {
    io.stderr(`${title}: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof CliFailure || (error as { code?: unknown })?.code === 'DATA_DIR_IN_USE') {
    io.stderr(`${title}: ${(error as Error).message}\n`);
    return error instanceof CliFailure ? error.exitCode : EXIT.failure;
  }
  const e = error as { code?: unknown; message?: unknown; stack?: unknown };
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0] : String(error);
  io.stderr(`${title}: failed${typeof e?.code === 'string' ? ` [${e.code}]` : ''}: ${message}\n`);
  if ((env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace') && typeof e?.stack === 'string') io.stderr(`${e.stack}\n`);
  return EXIT.failure;
}

/** The process entry: runs argv, stops `start` on SIGTERM/SIGINT, and exits with the command's code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<never> {
  const stopRequested = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
    // Under `npm start`, npm forwards SIGTERM to the shell that runs the script, and a shell that did not exec node
    // dies without passing it on: node is left orphaned. Stopping npm by its process id must stop podbot, so
    // treat losing that parent as the same request.
    if (process.env.npm_lifecycle_event) {
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) resolve('npm exited');
      }, 500).unref();
    }
  });
  // .env in the working directory, under the environment (a variable already set keeps its value).
  try {
    loadDotenv();
  } catch (error) {
    process.stderr.write(`podbot: ${(error as Error).message}\n`);
    process.exit(EXIT.usage);
  }
  const code = await runCli(argv, { stopRequested });
  // Let stdout and stderr drain (they are asynchronous on pipes) before leaving.
  await new Promise((resolve) => process.stdout.write('', resolve));
  await new Promise((resolve) => process.stderr.write('', resolve));
  process.exit(code);
}

/** True when this file is the process's entry (`node dist/cli/main.js …`), through symlinks too. */
function isEntry(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) await main();
