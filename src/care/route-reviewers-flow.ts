import type { AppContext } from '../context';
import type { OutboxJobInput } from '../outbox/types';
import type { MentionAddition, MentionAdditionTarget, PodView } from '../pods';
import { chooseReviewers } from './core/choose-reviewers';
import { readPullRequestFacts } from './core/pr-facts';
import { hasRoutedReviewers, loadReviewerCandidates, recordReviewRequests, type PodPerson } from './store/review-requests';

/** What reviewer routing uses from the app. */
export type RoutingContext = Pick<AppContext, 'db' | 'config' | 'clock'>;

/**
 * Reviewer routing, planned with the pod mention of a pull request (so the comment can say who was asked and why):
 * 1. leave the PR alone when routing is off, it is closed, someone is already requested, the author `/cc`'d
 *    someone, or podbot routed it before (an earlier pod mention);
 * 2. for each pod in turn, until `reviewers.count` people are chosen: load its people's load, activity and busy
 *    status, and let the core choose;
 * 3. return, per pod, the explanation line and the writes that run only if this delivery claims the pod's mention:
 *    the request rows (the load of later choices) and the review request itself, through the outbox.
 */
export async function planReviewerRouting(ctx: RoutingContext, target: MentionAdditionTarget, pods: readonly PodView[]): Promise<Map<string, MentionAddition>> {
  const settings = ctx.config.care.reviewers;
  const additions = new Map<string, MentionAddition>();
  if (!settings.enabled || target.kind !== 'pr' || !target.delivery) return additions;
  const facts = readPullRequestFacts(target.delivery);
  if (!facts || !facts.open || facts.hasRequestedReviewers || facts.authorCc) return additions;
  if (await hasRoutedReviewers(ctx.db, target.repo, target.number)) return additions;

  const [owner, repo] = target.repo.split('/');
  const now = ctx.clock.now();
  const taken: string[] = [];
  for (const pod of pods) {
    const wanted = settings.count - taken.length;
    if (wanted <= 0) break;
    const candidates = await loadReviewerCandidates(ctx.db, podPeople(pod), now);
    const choice = chooseReviewers({ podDisplayName: pod.displayName, author: target.author, candidates, count: wanted, taken, inactiveDays: settings.inactiveDays, now });
    if (choice.logins.length === 0) continue;
    taken.push(...choice.logins);
    const job: OutboxJobInput = {
      key: `care-review-request:${target.repo}#${target.number}:${pod.name}`,
      target: 'github',
      method: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      payload: { owner, repo, pull_number: target.number, reviewers: choice.logins },
    };
    additions.set(pod.name, {
      ...(choice.explanation ? { note: choice.explanation } : {}),
      async onClaim(tx) {
        await recordReviewRequests(
          tx,
          choice.logins.map((login) => ({ repo: target.repo, number: target.number, login, podName: pod.name, requestedAt: now })),
        );
        return [job];
      },
    });
  }
  return additions;
}

/** Members and advocates with a linked GitHub login, each once (members first, in join order). */
function podPeople(pod: PodView): PodPerson[] {
  const people: PodPerson[] = [];
  const seen = new Set<string>();
  for (const member of pod.members) {
    if (!member.githubLogin || seen.has(member.slackId)) continue;
    seen.add(member.slackId);
    people.push({ slackId: member.slackId, login: member.githubLogin, joinedAt: member.joinedAt });
  }
  for (const advocate of pod.advocates) {
    if (!advocate.githubLogin || seen.has(advocate.slackId)) continue;
    seen.add(advocate.slackId);
    people.push({ slackId: advocate.slackId, login: advocate.githubLogin });
  }
  return people;
}
