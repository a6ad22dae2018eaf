// podbot release-notes --repo owner/name --tag v1.2.0 [--previous v1.1.0] [--dry-run]
//
// Credits a release from the command line, for any repository the token can read: the same pipeline as the
// release webhook (ledger, pods and Slack links from the database). Prints the block with --dry-run; otherwise
// writes it into the release body directly with the API client (no outbox: a person is watching and gets the
// result, or the error, at once). Progress goes to stderr, the block to stdout.
import { ConfigError } from '../../config/problems';
import { CliFailure, UsageError, type Command } from '../command';
import { parseOptions, repoOption } from '../parse-options';

export const releaseNotesCommand: Command = {
  name: 'release-notes',
  summary: 'credit a release\'s contributors in its notes (or print them with --dry-run)',
  help: `usage: podbot release-notes --repo owner/name --tag v1.2.0 [--previous v1.1.0] [--dry-run]

Credits every PR author, co-author and first-time contributor of a release in a marked block of its
notes, as the release webhook does. Needs GitHub API access (GITHUB_TOKEN or the App variables).

options:
  --repo owner/name   the repository
  --tag TAG           the release's tag
  --previous TAG      the tag to compare from (default: the previous release)
  --dry-run           print the block and edit nothing

exit codes: 0 done (or nothing to do), 1 failure, 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, {
      repo: { type: 'string' },
      tag: { type: 'string' },
      previous: { type: 'string' },
      'dry-run': { type: 'boolean' },
    });
    if (!values.repo) throw new UsageError('--repo owner/name is required');
    const { owner, repo } = repoOption(String(values.repo));
    if (!values.tag) throw new UsageError('--tag is required');
    const tag = String(values.tag);
    const previous = values.previous === undefined ? undefined : String(values.previous);
    const dryRun = values['dry-run'] === true;

    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const { readSettings, openCliDatabase, readCommunityConfig } = await import('../settings');
    const settings = readSettings(ctx.env);
    if (!settings.github) throw new ConfigError([{ where: 'GITHUB_TOKEN', message: 'GitHub API access is off: set GITHUB_TOKEN (or the GitHub App variables)' }], 'environment');
    const { config } = await readCommunityConfig(settings.configPath);
    const [{ createGitHubClient }, releases, { createLogger }] = await Promise.all([import('../../clients/github'), import('../../releases'), import('../../log')]);
    const log = createLogger({ level: 'warn', format: settings.logFormat, destination: { write: (line: string) => void ctx.io.stderr(line) } });
    const github = createGitHubClient(settings.github, log);
    const database = await openCliDatabase(settings, 'podbot release-notes');
    const progress = (message: string) => ctx.io.stderr(`${message}\n`);
    try {
      await database.migrate();
      progress(`crediting ${owner}/${repo} ${tag}${previous ? ` since ${previous}` : ''}`);
      const { gathered, credits } = await releases.prepareCredits({ github, db: database.prisma, config, onProgress: progress }, { owner, repo, tag, previousTag: previous });
      progress(`${credits.contributors.length} contributors, ${credits.newContributors.length} new, in ${gathered.requests} API requests`);

      const release = await github.rest.repos.getReleaseByTag({ owner, repo, tag }).then(
        (r) => r.data,
        (error: { status?: number }) => {
          if (error.status === 404) return null;
          throw error;
        },
      );
      if (!release) {
        ctx.io.stdout(`${releases.renderCreditsBlock(credits)}\n`);
        if (dryRun) {
          progress(`no release for ${tag} yet: printed the block only`);
          return 0;
        }
        throw new CliFailure(`no release for ${tag} yet: printed the block only; publish the release, then run this again`);
      }
      // Read the body again right before writing: a maintainer may be editing it.
      const current = await releases.readCurrentRelease(github, owner, repo, release.id);
      const planned = releases.planReleaseBody(current.body, credits, config);
      const block = releases.renderCreditsBlock(credits, planned.level);
      if (dryRun) {
        ctx.io.stdout(`${block}\n`);
        progress(planned.changed ? `dry run: would edit release ${release.id} (${planned.level} lists)` : 'dry run: the release already has this block; nothing to do');
        return 0;
      }
      if (!planned.changed) {
        progress('the release already has this block; nothing to do');
        return 0;
      }
      await github.rest.repos.updateRelease({ owner, repo, release_id: release.id, body: planned.body });
      ctx.io.stdout(`${block}\n`);
      progress(`edited release ${release.id} (${planned.level} lists)`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
