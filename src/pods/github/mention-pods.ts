import type { Webhooks } from '@octokit/webhooks';
import type { AppContext } from '../../context';
import { mentionPods, type MentionResult, type MentionTarget } from '../mention-flow';
import { loadPodViews } from '../store/load-pod-views';
import { InvalidPayloadError } from '../../github/webhook-endpoint';
import { listPrFiles } from '../../kit/github/list-pr-files';

interface Item {
  number?: number;
  title?: string;
  html_url?: string;
  labels?: { name?: string }[];
  user?: { login?: string; type?: string } | null;
}

interface Payload {
  repository?: { name?: string; full_name?: string; owner?: { login?: string } };
  issue?: Item;
  pull_request?: Item;
}

/**
 * Pod mentions on `issues.labeled` and `pull_request.labeled|synchronize`. Later events only add pods not yet
 * mentioned, so labelling an issue or pushing to a PR can bring in a pod.
 *
 * `issues.opened` and `pull_request.opened` are welcome's: the first comment on an issue or PR is one comment, so a
 * first-timer's welcome carries the pod mention (see claimMentionsIn), and welcome calls mentionPodsOn for everyone else.
 */
export function registerPodMentionHandlers(webhooks: Webhooks, ctx: AppContext): void {
  webhooks.on('issues.labeled', async ({ id, payload }) => {
    const result = await mentionPodsOn(ctx, 'issue', payload);
    ctx.log.debug({ delivery: id, result }, 'pods: issue checked for pod mentions');
  });

  webhooks.on(['pull_request.labeled', 'pull_request.synchronize'], async ({ id, payload }) => {
    const result = await mentionPodsOn(ctx, 'pr', payload);
    ctx.log.debug({ delivery: id, result }, 'pods: pull request checked for pod mentions');
  });
}

/**
 * Pod mentions for the issue or PR of an `issues.*` or `pull_request.*` payload (the payload object the webhook
 * listener got: the PR's files are listed once per delivery, shared with the other listeners).
 */
export async function mentionPodsOn(ctx: Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log' | 'github'>, kind: 'issue' | 'pr', payload: object): Promise<MentionResult> {
  const target = readTarget(payload as Payload, kind);
  const changedFiles = kind === 'pr' ? await listChangedFiles(ctx, target, payload) : [];
  return mentionPods(ctx, { ...target, changedFiles, delivery: payload });
}

/** The item of an `issues.*` or `pull_request.*` payload as pod mentions need it; InvalidPayloadError when it lacks what they use. */
function readTarget(payload: Payload, kind: 'issue' | 'pr'): Omit<MentionTarget, 'changedFiles'> {
  const item = kind === 'pr' ? payload.pull_request : payload.issue;
  const repo = payload.repository;
  const owner = repo?.owner?.login;
  if (!item || typeof item.number !== 'number' || !repo?.name || !owner) {
    throw new InvalidPayloadError(`${kind === 'pr' ? 'pull_request' : 'issues'} payload needs repository.owner.login, repository.name and ${kind === 'pr' ? 'pull_request' : 'issue'}.number`);
  }
  const author = item.user?.login ?? 'ghost';
  return {
    kind,
    owner,
    name: repo.name,
    repo: repo.full_name ?? `${owner}/${repo.name}`,
    number: item.number,
    title: item.title ?? '',
    url: item.html_url ?? `https://github.com/${owner}/${repo.name}/${kind === 'pr' ? 'pull' : 'issues'}/${item.number}`,
    author,
    authorIsBot: item.user?.type === 'Bot',
    labels: (item.labels ?? []).map((label) => label.name).filter((name): name is string => typeof name === 'string'),
  };
}

/**
 * Changed paths of a PR, fetched only when some pod has path globs to match them against. Shared with the other
 * listeners of this delivery (the first-timer welcome lists the same files).
 */
async function listChangedFiles(ctx: Pick<AppContext, 'db' | 'github'>, target: Omit<MentionTarget, 'changedFiles'>, delivery: object): Promise<string[]> {
  if (!ctx.github) return [];
  const pods = await loadPodViews(ctx.db, { liveOnly: true });
  if (!pods.some((pod) => pod.paths.length > 0)) return [];
  const files = await listPrFiles(ctx.github, { owner: target.owner, repo: target.name, pull_number: target.number }, { delivery });
  return files.filenames;
}
