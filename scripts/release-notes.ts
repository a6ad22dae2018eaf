// npm run release-notes -- --repo owner/name --tag v1.2.0 [--previous v1.1.0] [--dry-run]
//
// Credits a release from the command line, for any repository the token can read: the same pipeline as the
// release webhook (ledger, pods and Slack links from the database). Prints the block with --dry-run; otherwise
// writes it into the release body directly with the API client (no outbox: a person is watching and gets
// the result, or the error, at once). Progress goes to stderr, the block to stdout.
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { createGitHubClient } from '../src/clients/github';
import { loadCommunityConfig } from '../src/app/community-config';
import { readEnv } from '../src/config/env';
import { openDatabase } from '../src/db/open-database';
import { planReleaseBody, prepareCredits, readCurrentRelease, renderCreditsBlock } from '../src/releases';

const USAGE = 'usage: npm run release-notes -- --repo owner/name --tag v1.2.0 [--previous v1.1.0] [--dry-run]';

export interface CliArgs {
  owner: string;
  repo: string;
  tag: string;
  previous?: string;
  dryRun: boolean;
}

/** Parses the arguments; returns a message for a person when they are wrong. */
export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  const values: Record<string, string> = {};
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--repo' || arg === '--tag' || arg === '--previous') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) return { error: `${arg} needs a value` };
      values[arg.slice(2)] = value;
      i += 1;
    } else return { error: `unknown argument ${arg}` };
  }
  const repo = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(values.repo ?? '');
  if (!repo) return { error: '--repo owner/name is required' };
  if (!values.tag) return { error: '--tag is required' };
  return { owner: repo[1], repo: repo[2], tag: values.tag, previous: values.previous, dryRun };
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Runs the CLI; resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  const envResult = readEnv(env);
  if (!envResult.ok) {
    for (const p of envResult.problems) io.stderr(`${p.where}: ${p.message}\n`);
    return 2;
  }
  const settings = envResult.env;
  if (!settings.github) {
    io.stderr('GitHub API access is off: set GITHUB_TOKEN (or the GitHub App variables).\n');
    return 2;
  }
  const { config } = await loadCommunityConfig(settings.configPath);
  const log = pino({ level: 'warn' }, pino.destination(2));
  const github = createGitHubClient(settings.github, log);
  const database = await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  const progress = (message: string) => io.stderr(`${message}\n`);
  try {
    await database.migrate();
    const { owner, repo, tag } = args;
    progress(`crediting ${owner}/${repo} ${tag}${args.previous ? ` since ${args.previous}` : ''}`);
    const { gathered, credits } = await prepareCredits(
      { github, db: database.prisma, config, onProgress: progress },
      { owner, repo, tag, previousTag: args.previous },
    );
    progress(`${credits.contributors.length} contributors, ${credits.newContributors.length} new, in ${gathered.requests} API requests`);

    const release = await github.rest.repos.getReleaseByTag({ owner, repo, tag }).then(
      (r) => r.data,
      (error: { status?: number }) => {
        if (error.status === 404) return null;
        throw error;
      },
    );
    if (!release) {
      io.stdout(`${renderCreditsBlock(credits)}\n`);
      progress(`no release for ${tag} yet: printed the block only`);
      return args.dryRun ? 0 : 1;
    }
    // Read the body again right before writing: a maintainer may be editing it.
    const current = await readCurrentRelease(github, owner, repo, release.id);
    const planned = planReleaseBody(current.body, credits, config);
    const block = renderCreditsBlock(credits, planned.level);
    if (args.dryRun) {
      io.stdout(`${block}\n`);
      progress(planned.changed ? `dry run: would edit release ${release.id} (${planned.level} lists)` : 'dry run: the release already has this block; nothing to do');
      return 0;
    }
    if (!planned.changed) {
      progress('the release already has this block; nothing to do');
      return 0;
    }
    await github.rest.repos.updateRelease({ owner, repo, release_id: release.id, body: planned.body });
    io.stdout(`${block}\n`);
    progress(`edited release ${release.id} (${planned.level} lists)`);
    return 0;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    io.stderr(`release-notes failed${e.code ? ` [${e.code}]` : ''}: ${e.message ?? String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
