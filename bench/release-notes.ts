// npm run bench:release-notes
//
// Credits a synthetic 1,000-PR release served by the loopback fake GitHub with 20 ms of latency per request,
// through the production API client (retries and throttling included), and prints how many API requests it
// took, the wall time, and the ratio to release-drafter's ~75 requests for the same release.
// Mix: ~65 % squash merges, ~20 % merge commits with branch commits, ~5 % rebase merges, ~10 % bot PRs,
// co-author trailers on ~10 %; half the 300 authors contributed before, the rest are first-timers.
// The ledger is cold (every author goes to the batched search), which is the worst case.
import pino from 'pino';
import { createGitHubClient } from '../src/clients/github';
import { computeCredits, fitCreditsBlock, gatherRelease } from '../src/releases';
import { FakeGitHub } from '../test/support/fake-github';
import { installRepoHistory, syntheticHistory } from '../test/support/github-history';

const RELEASE_DRAFTER_REQUESTS = 75;
const GOAL = 20;

const fake = await new FakeGitHub().start();
fake.latencyMs = 20;
const history = syntheticHistory({ prs: 1000, authors: 300, seed: 2024 });
const installed = installRepoHistory(fake, history);
installed.addRelease({ tag_name: 'v1.0.0', published_at: '2025-01-01T00:00:00Z', created_at: '2025-01-01T00:00:00Z' });
installed.addRelease({ tag_name: 'v2.0.0', published_at: '2026-01-01T00:00:00Z', created_at: '2026-01-01T00:00:00Z', body: 'Notes' });

const github = createGitHubClient({ auth: { kind: 'token', token: 'bench-token' }, apiUrl: fake.apiUrl }, pino({ level: 'silent' }));
const started = performance.now();
const gathered = await gatherRelease(github, { owner: 'acme', repo: 'rocket', tag: 'v2.0.0' });
const gatherMs = performance.now() - started;
const credits = computeCredits({
  release: gathered.release,
  prs: gathered.prs,
  pods: [],
  firstTimers: gathered.firstTimers,
  linkedSlackIds: new Map(),
  knownEmails: gathered.knownEmails,
});
const fitted = fitCreditsBlock('Notes', credits, 125_000);
const totalMs = performance.now() - started;
await fake.stop();

const requests = fake.requests.length;
const byKind = {
  releases: fake.requests.filter((r) => r.path.endsWith('/releases')).length,
  compare: fake.requests.filter((r) => r.path.includes('/compare/')).length,
  graphqlLookups: fake.requests.filter((r) => r.path === '/graphql' && !String(r.body?.query).includes('search(')).length,
  graphqlSearches: fake.requests.filter((r) => r.path === '/graphql' && String(r.body?.query).includes('search(')).length,
};
const { recipe } = history;
console.log(`release: ${gathered.prs.length} merged PRs (${recipe.squash} squash, ${recipe.merge} merge commit, ${recipe.rebase} rebase, ${recipe.bot} bot; ${recipe.coAuthored} co-authored) over ${gathered.commitCount} commits`);
console.log(`credited: ${credits.contributors.length} contributors, ${credits.newContributors.length} first-timers; block at "${fitted.level}" level, body ${fitted.body.length} chars`);
console.log(`API requests: ${requests} (releases ${byKind.releases}, compare pages ${byKind.compare}, GraphQL lookups ${byKind.graphqlLookups}, GraphQL searches ${byKind.graphqlSearches}); gatherer counted ${gathered.requests}`);
console.log(`goal: <= ${GOAL} requests: ${requests <= GOAL ? 'met' : 'NOT met'}`);
console.log(`ratio to release-drafter (~${RELEASE_DRAFTER_REQUESTS} requests): ${(requests / RELEASE_DRAFTER_REQUESTS).toFixed(2)} (${(RELEASE_DRAFTER_REQUESTS / requests).toFixed(1)}x fewer)`);
console.log(`wall time: gather ${gatherMs.toFixed(0)} ms, total ${totalMs.toFixed(0)} ms at ${fake.latencyMs} ms latency per request`);
console.log('note: these are the gatherer\'s requests; a release.published delivery also reads and updates the release body (+2; test/releases/release-request-count.test.ts counts the whole delivery).');
console.log('note: the production client spaces GraphQL requests >= 1 s apart (Octokit throttling treats them as writes), which dominates the wall time.');
