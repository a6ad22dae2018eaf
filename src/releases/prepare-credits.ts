// The release-credit pipeline shared by the webhook flow (credit-flow.ts) and the CLI. Reads only; the callers write
// (the flow through the outbox, the CLI directly or not at all with --dry-run).
import type { GitHubClient } from '../clients/github';
import type { CommunityConfig } from '../app/community-config';
import { podsForRepository } from '../pods';
import type { PrismaClient } from '../generated/prisma/client';
import { releaseSettingsFor } from './config';
import { computeCredits } from './core/credits/compute-credits';
import { decideLedgerFirstPrs } from './core/gather/decide-ledger-first-prs';
import { fitCreditsBlock, type FittedBody } from './core/body/fit-credits-block';
import { gatherRelease, type GatheredRelease } from './gather/gather-release';
import { isLedgerComplete, readLedgerPrs, readLinkedSlackIds, readPodDefinitions } from './store/read-credit-context';
import type { Credits } from './types';

export interface CreditReleaseDeps {
  github: GitHubClient;
  db: PrismaClient;
  config: Pick<CommunityConfig, 'bots' | 'releases' | 'pods'>;
  onProgress?: (message: string) => void;
}

export interface CreditReleaseRequest {
  owner: string;
  repo: string;
  tag: string;
  /** Overrides the previous release. */
  previousTag?: string;
  /** Compare against this ref instead of the tag (drafts: `target_commitish`). */
  headRef?: string;
}

export interface PreparedCredits {
  gathered: GatheredRelease;
  credits: Credits;
}

/** Bots from both podbot.yml lists: the community-wide `bots` and `releases.bots`. */
export function creditBots(config: Pick<CommunityConfig, 'bots' | 'releases'>): string[] {
  return [...config.bots, ...config.releases.bots];
}

/**
 * 1. Gather the release from GitHub (first-timers: the ledger first, then one batched search).
 * 2. Read the pods and the Slack links of the people found.
 * 3. Decide the credits.
 */
export async function prepareCredits(deps: CreditReleaseDeps, request: CreditReleaseRequest): Promise<PreparedCredits> {
  const repoName = `${request.owner}/${request.repo}`;
  // The release settings as they apply to this repository (releases.overrides), for the webhook and the CLI alike.
  const config = { ...deps.config, releases: releaseSettingsFor(deps.config.releases, repoName) };
  const { db } = deps;
  const bots = creditBots(config);

  const gathered = await gatherRelease(deps.github, {
    owner: request.owner,
    repo: request.repo,
    tag: request.tag,
    previousTag: request.previousTag,
    headRef: request.headRef,
    tagPrefix: config.releases.tagPrefix,
    bots,
    onProgress: deps.onProgress,
    askLedger: async (authors) => {
      const [prs, complete] = await Promise.all([
        readLedgerPrs(db, repoName, authors.map((a) => a.login)),
        isLedgerComplete(db, repoName),
      ]);
      return decideLedgerFirstPrs(authors, prs, { complete });
    },
  });

  // Pods scoped to other repositories or organisations (podbot.yml `repos:` / `orgs:`) take no credit here.
  const pods = podsForRepository(await readPodDefinitions(db), config.pods, repoName);
  const base = {
    release: gathered.release,
    prs: gathered.prs,
    pods,
    firstTimers: gathered.firstTimers,
    bots,
    knownEmails: gathered.knownEmails,
    cherryPickAuthors: gathered.cherryPickAuthors,
  };
  // Who is credited does not depend on Slack links, so the first pass names the logins to look up.
  const unlinked = computeCredits({ ...base, linkedSlackIds: new Map() });
  const logins = [...unlinked.contributors.filter((c) => c.isLogin).map((c) => c.handle), ...unlinked.newContributors.map((n) => n.login)];
  const linkedSlackIds = await readLinkedSlackIds(db, logins);
  return { gathered, credits: computeCredits({ ...base, linkedSlackIds }) };
}

export interface CurrentRelease {
  id: number;
  body: string | null;
  draft: boolean;
}

/** The release as GitHub has it now: a person may have edited the body since the event was sent. */
export async function readCurrentRelease(github: GitHubClient, owner: string, repo: string, releaseId: number): Promise<CurrentRelease> {
  const { data } = await github.rest.repos.getRelease({ owner, repo, release_id: releaseId });
  return { id: data.id, body: data.body ?? null, draft: data.draft };
}

/** The body to write, within `releases.maxBodyChars`; `changed: false` means leave the release alone. */
export function planReleaseBody(currentBody: string | null, credits: Credits, config: Pick<CommunityConfig, 'releases'>): FittedBody {
  return fitCreditsBlock(currentBody, credits, config.releases.maxBodyChars);
}
