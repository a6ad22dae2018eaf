// podbot backfill --repo owner/name: fills the contribution ledger from the GitHub API (src/ledger/backfill.ts).
// Progress goes to stderr; a run that stops resumes where it stopped (BackfillCursor).
import type { Command } from '../command';
import { CliFailure } from '../command';
import { integerOption, parseOptions, repoOption } from '../parse-options';
import { UsageError } from '../command';
import { ConfigError } from '../../config/problems';

export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'fill the contribution ledger from a repository\'s history',
  help: `usage: podbot backfill --repo owner/name [--repo owner/other …] [--per-page 100]

Reads every issue and pull request of each repository from the GitHub API (GITHUB_TOKEN or the App
variables) into the contribution ledger, which first-timer detection and levels use. Safe to run again:
it resumes from the last saved page.

options:
  --repo owner/name   a repository to read (repeat for several)
  --per-page N        items per API page, 1 to 100 (default 100)

exit codes: 0 done, 1 failure (run again to resume), 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, { repo: { type: 'string', multiple: true }, 'per-page': { type: 'string' } });
    const repos = (values.repo as string[] | undefined) ?? [];
    if (repos.length === 0) throw new UsageError('--repo owner/name is required');
    for (const repo of repos) repoOption(repo);
    const perPage = integerOption(values['per-page'], 'per-page', { min: 1, max: 100, fallback: 100 });
    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase } = await import('../settings');
    const settings = readSettings(ctx.env);
    if (!settings.github) throw new ConfigError([{ where: 'GITHUB_TOKEN', message: 'backfill needs GitHub API access: set GITHUB_TOKEN (or the GitHub App variables)' }], 'environment');

    const [{ createGitHubClient }, { backfillRepo }, { createLogger }] = await Promise.all([
      import('../../clients/github'),
      import('../../ledger'),
      import('../../log'),
    ]);
    const log = createLogger({ level: settings.logLevel === 'debug' ? 'debug' : 'warn', format: settings.logFormat, secrets: settings.github.auth.kind === 'token' ? [settings.github.auth.token] : [] });
    const github = createGitHubClient(settings.github, log);
    const database = await openCliDatabase(settings, 'podbot backfill');
    const stopped: string[] = [];
    try {
      await database.migrate();
      for (const repo of repos) {
        try {
          const result = await backfillRepo({ db: database.prisma, github, repo, perPage, progress: (line) => ctx.io.stderr(`${line}\n`) });
          ctx.io.stderr(`${repo}: ${result.items.issues} issues and PRs, ${result.items.pulls} closed PRs recorded\n`);
        } catch (error) {
          stopped.push(repo);
          ctx.io.stderr(`${repo}: stopped: ${(error as Error).message.split('\n')[0]}\n`);
        }
      }
    } finally {
      await database.close();
    }
    if (stopped.length) throw new CliFailure(`backfill stopped for ${stopped.join(', ')}: run the same command again to resume from the last saved page`);
    return 0;
  },
};
