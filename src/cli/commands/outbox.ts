// podbot outbox list | retry: the dead letters (messages the outbox gave up on) and putting them back in the queue,
// with the same functions as the /pod admin command and /api/outbox (src/outbox).
import type { Command } from '../command';
import { CliFailure, UsageError } from '../command';
import { integerOption, parseOptions } from '../parse-options';

export const outboxListCommand: Command = {
  name: 'outbox list',
  summary: 'list dead letters: outgoing messages the outbox gave up on, and why',
  help: `usage: podbot outbox list [--limit 50] [--json]

Lists the jobs the outbox gave up on (refused by Slack or GitHub, or failing past
PODBOT_OUTBOX_GIVE_UP_HOURS), newest first, with the reason.

options:
  --limit N   at most N, 1 to 500 (default 50)
  --json      one JSON array instead of a table

exit codes: 0 done, 1 failure, 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, { limit: { type: 'string' }, json: { type: 'boolean' } });
    const limit = integerOption(values.limit, 'limit', { min: 1, max: 500, fallback: 50 });
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase } = await import('../settings');
    const settings = readSettings(ctx.env);
    const { listDeadLetters } = await import('../../outbox');
    const database = await openCliDatabase(settings, 'podbot outbox list');
    try {
      const letters = await listDeadLetters(database.prisma, { limit });
      if (values.json) {
        ctx.io.stdout(`${JSON.stringify(letters, null, 2)}\n`);
      } else if (letters.length === 0) {
        ctx.io.stdout('no dead letters\n');
      } else {
        for (const letter of letters) {
          ctx.io.stdout(`${letter.id}\t${letter.status}\t${letter.target}.${letter.method}\t${letter.key}\tattempts ${letter.attempts}\tgave up ${letter.gaveUpAt}\t${(letter.reason ?? '').split('\n')[0]}\n`);
        }
        ctx.io.stderr(`${letters.length} dead letter${letters.length === 1 ? '' : 's'}; podbot outbox retry <id> puts one back in the queue\n`);
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const outboxRetryCommand: Command = {
  name: 'outbox retry',
  summary: 'put dead letters back in the queue',
  help: `usage: podbot outbox retry <id> [<id> …]

Puts each dead letter back in the queue, due now, with a fresh give-up time; a running podbot sends it
(after checking that an earlier attempt did not already get through). Retrying twice is harmless.

exit codes: 0 all queued, 1 some id is not a dead letter, 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { positionals } = parseOptions(argv, {}, { positionals: Number.MAX_SAFE_INTEGER });
    if (positionals.length === 0) throw new UsageError('at least one job id is required (see podbot outbox list)');
    const ids = positionals.map((id) => integerOption(id, 'id', { min: 1, max: 2 ** 31 - 1, fallback: 0 }));
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase } = await import('../settings');
    const settings = readSettings(ctx.env);
    const { retryDeadLetter } = await import('../../outbox');
    const database = await openCliDatabase(settings, 'podbot outbox retry');
    const missing: number[] = [];
    try {
      for (const id of ids) {
        if (await retryDeadLetter(database.prisma, ctx.clock, id)) ctx.io.stdout(`${id}\tqueued\n`);
        else missing.push(id);
      }
    } finally {
      await database.close();
    }
    if (missing.length) throw new CliFailure(`no dead letter with id ${missing.join(', ')} (never dead, or already retried; see podbot outbox list)`);
    return 0;
  },
};
