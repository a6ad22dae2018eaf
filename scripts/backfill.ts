// npm run backfill -- --repo owner/name: fills the contribution ledger from the GitHub API.
// Progress goes to stderr; a run that stops resumes where it stopped (BackfillCursor).
import { parseArgs } from 'node:util';
import { createGitHubClient } from '../src/clients/github';
import { readEnv } from '../src/config/env';
import { openDatabase } from '../src/db/open-database';
import { backfillRepo } from '../src/ledger/backfill';
import { createLogger } from '../src/log';

const { values } = parseArgs({ options: { repo: { type: 'string', multiple: true }, 'per-page': { type: 'string' } } });
const repos = values.repo ?? [];
if (repos.length === 0 || repos.some((repo) => !/^[^/\s]+\/[^/\s]+$/.test(repo))) {
  process.stderr.write('usage: npm run backfill -- --repo owner/name [--repo owner/other] [--per-page 100]\n');
  process.exit(2);
}
const envResult = readEnv();
if (!envResult.ok) {
  for (const problem of envResult.problems) process.stderr.write(`  - ${problem.where}: ${problem.message}\n`);
  process.exit(1);
}
const env = envResult.env;
if (!env.github) {
  process.stderr.write('backfill needs GitHub API access: set GITHUB_TOKEN (or the GitHub App variables)\n');
  process.exit(1);
}
const log = createLogger({ level: env.logLevel === 'debug' ? 'debug' : 'warn', secrets: env.github.auth.kind === 'token' ? [env.github.auth.token] : [] });
const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir });
await database.migrate();
const github = createGitHubClient(env.github, log);
let failed = false;
for (const repo of repos) {
  try {
    const result = await backfillRepo({
      db: database.prisma,
      github,
      repo,
      perPage: values['per-page'] ? Number(values['per-page']) : 100,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stderr.write(`${repo}: ${result.items.issues} issues and PRs, ${result.items.pulls} closed PRs recorded\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(`${repo}: stopped: ${(error as Error).message}\n  run the same command again to resume from the last saved page\n`);
  }
}
await database.close();
process.exit(failed ? 1 : 0);
