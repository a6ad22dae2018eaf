// release.published (and release.created for drafts): credit everyone in the release body and announce it.
//
// Runs inline, before the webhook is answered, and not in ctx.background. Why:
// - The durable record of "this release still needs credits" is the delivery itself: the endpoint records a
//   delivery only after its handlers succeed, so a crash, a GitHub 5xx that outlasts Octokit's retries or a
//   gather error answers 500 (or nothing), and the delivery can be redelivered from GitHub (or the CLI re-run).
//   Background work would be acknowledged first and lost on a crash, with no table to resume it from.
// - It is fast enough: the gatherer needs ≤ 20 requests for a 1,000-PR release (see gather-release.ts), so a
//   typical release answers in 1–3 s. GitHub gives 10 s
//   (https://docs.github.com/en/webhooks/using-webhooks/handling-webhook-deliveries#respond-within-10-seconds).
//   If a giant release takes longer, GitHub marks that delivery as timed out, but the work here still finishes
//   and is recorded, and a redelivery is then a no-op. The duration is logged so this can be watched.
// Writes go through the outbox: the body edit (keyed by the exact before→after transition) and the
// announcement (keyed per release and part, enqueued once ever).
import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { buildReleaseAnnouncement } from '../core/announce/build-release-announcement';
import { planReleaseBody, prepareCredits, readCurrentRelease } from '../credit-release';
import { GatherReleaseError } from '../gather/gather-release';
import { makeAnnouncementKey, makeBodyEditKey } from '../core/make-outbox-keys';
import { InvalidPayloadError } from '../../github/webhook-endpoint';

/** The fields of GitHub's `release` webhook payload this feature reads. */
export interface ReleaseEventPayload {
  action?: string;
  release?: {
    id?: number;
    tag_name?: string;
    name?: string | null;
    html_url?: string;
    draft?: boolean;
    target_commitish?: string;
  };
  repository?: { name?: string; owner?: { login?: string } };
}

/** Slack shows announcements in order only if part n+1 is not sent before part n; the outbox sends in parallel. */
const ANNOUNCEMENT_PART_SPACING_MS = 2_000;

export function registerReleasePublished(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('release.published', async ({ id, payload }) => {
    await creditRelease(ctx, payload as ReleaseEventPayload, { delivery: id, announce: true });
  });
}

export async function creditRelease(
  ctx: AppContext,
  payload: ReleaseEventPayload,
  { delivery, announce }: { delivery: string; announce: boolean },
): Promise<void> {
  const release = payload.release;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!release || typeof release.id !== 'number' || !release.tag_name || !owner || !repo) {
    throw new InvalidPayloadError('release event without release.id, release.tag_name or repository owner and name');
  }
  const log = ctx.log.child({ feature: 'releases', delivery, repo: `${owner}/${repo}`, tag: release.tag_name, releaseId: release.id });
  if (!ctx.github) {
    log.warn({ code: 'RELEASE_GITHUB_API_OFF' }, 'releases: GitHub API access is off; cannot credit the release');
    return;
  }
  const started = Date.now();

  // 1–3. Gather, read pods and links, decide.
  let prepared: Awaited<ReturnType<typeof prepareCredits>>;
  try {
    prepared = await prepareCredits(
      { github: ctx.github, db: ctx.db, config: ctx.config, onProgress: (message) => log.debug({ progress: message }, 'releases: gathering') },
      {
        owner,
        repo,
        tag: release.tag_name,
        // A draft's tag does not exist until it is published; compare against what it will tag.
        headRef: release.draft && release.target_commitish ? release.target_commitish : undefined,
      },
    );
  } catch (error) {
    // A repository's first release (or one whose previous release is not an ancestor) has no range to credit;
    // redelivering would not change that, so the delivery is done and the log says how to credit it by hand.
    if (error instanceof GatherReleaseError && (error.code === 'NO_PREVIOUS_RELEASE' || error.code === 'NOT_AN_ANCESTOR')) {
      log.warn(
        { code: error.code, reason: error.message },
        'releases: no range to credit; run npm run release-notes -- --repo OWNER/NAME --tag TAG --previous REF to credit it',
      );
      return;
    }
    throw error;
  }
  const { gathered, credits } = prepared;

  // 4. Re-read the body right before deciding the edit, to keep the window for a person's edit small.
  const current = await readCurrentRelease(ctx.github, owner, repo, release.id);
  const planned = planReleaseBody(current.body, credits, ctx.config);
  let edits = 0;
  if (planned.changed) {
    edits = await ctx.outbox.enqueue({
      key: makeBodyEditKey(`${owner}/${repo}`, release.id, current.body, planned.body),
      target: 'github',
      method: 'PATCH /repos/{owner}/{repo}/releases/{release_id}',
      payload: { owner, repo, release_id: release.id, body: planned.body },
    });
  }

  // 5. Announce once per release, ever.
  let announced = 0;
  const channel = ctx.config.releases.channel;
  if (announce && !release.draft && ctx.config.releases.announce && channel && ctx.env.slack) {
    const firstKey = makeAnnouncementKey(`${owner}/${repo}`, release.id, 0);
    if (!(await ctx.outbox.has(firstKey))) {
      const messages = buildReleaseAnnouncement(credits, { name: release.name || release.tag_name, url: release.html_url ?? '' });
      const now = ctx.clock.now().getTime();
      announced = await ctx.outbox.enqueue(
        messages.map((message, part) => ({
          key: makeAnnouncementKey(`${owner}/${repo}`, release.id!, part),
          target: 'slack' as const,
          method: 'chat.postMessage',
          payload: { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false },
          notBefore: new Date(now + part * ANNOUNCEMENT_PART_SPACING_MS),
        })),
      );
    }
  }

  const durationMs = Date.now() - started;
  log[durationMs > 8_000 ? 'warn' : 'info'](
    {
      previousTag: gathered.release.previousTag,
      commits: gathered.commitCount,
      pullRequests: gathered.prs.length,
      contributors: credits.contributors.length,
      newContributors: credits.newContributors.length,
      githubRequests: gathered.requests,
      collapse: planned.level,
      bodyChanged: planned.changed,
      editsEnqueued: edits,
      announcementsEnqueued: announced,
      durationMs,
    },
    'releases: credits prepared',
  );
}
