import type { AppContext } from '../context';
import { displayNameFromSlug } from './config';
import { section, type SlackMessage } from '../kit/slack/blocks';
import { checkPodPermission } from './core/command/check-pod-permission';
import { decideLeave } from './core/join/decide-leave';
import { parsePodCommand, type PodCommand } from './core/command/parse-pod-command';
import {
  renderAdvocateAdded,
  renderAdvocateWelcome,
  renderAlreadyArchived,
  renderLeftPod,
  renderMemberRemoved,
  renderNotAMember,
  renderPodArchived,
  renderPodArchivedNotice,
  renderPodCreated,
  renderPodNameTaken,
  renderRemovedNotice,
} from './core/command/render-pod-change-replies';
import { renderMyPods } from './core/command/render-my-pods';
import { renderPodHelp } from './core/command/render-pod-help';
import { renderPodInfo } from './core/command/render-pod-info';
import { renderPodList } from './core/command/render-pod-list';
import { suggestPodName } from './core/command/suggest-pod-name';
import { podExtensions } from './extensions';
import { slackMessageJob } from './notifications';
import { addAdvocate, archivePod, createPod, endMembership } from './store/change-pods';
import type { StoredPodView } from './store/load-pod-views';
import { readPodViews } from './store/read-pod-views';

const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** What `/pod` uses from the app. */
export type PodCommandContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log' | 'isAdmin'>;

/** Pod sizes for `/pod create`: the same default as podbot.yml (the ideal 7 plus 2). */
const DEFAULT_CAPACITY = 9;

/** `/pod [subcommand …]`. Returns the reply for the person who ran it; every refusal says why and what would work. */
export async function runPodCommand(ctx: PodCommandContext, actor: string, text: string): Promise<SlackMessage> {
  const added = podExtensions(ctx).flatMap((extension) => extension.subcommands ?? []);
  const command = parsePodCommand(text, added);
  if (command.kind === 'invalid') return plain(command.message);
  if (command.kind === 'help') return renderPodHelp(added);
  if (command.kind === 'extension') return added.find((subcommand) => subcommand.name === command.name)!.run(actor, command.args);

  const pods = await readPodViews(ctx.db);
  const named = 'name' in command && command.name !== undefined ? pods.find((pod) => pod.name === command.name) : undefined;
  const permission = checkPodPermission({ command, actorSlackId: actor, admins: ctx.config.admins, isAdmin: ctx.isAdmin(actor), ...(named ? { pod: named } : {}) });
  // An unknown pod is reported before a permission refusal only where the permission depends on the pod.
  if (!permission.ok && !((command.kind === 'advocate' || command.kind === 'remove') && named === undefined)) return plain(permission.message);

  switch (command.kind) {
    case 'mine':
      return renderMyPods(actor, pods);
    case 'list':
      return renderPodList(pods);
    case 'info':
      return named ? renderPodInfo(named) : unknownPod(command.name, pods, 'info');
    case 'leave':
      return leave(ctx, actor, command.name, pods);
    case 'create':
      return create(ctx, actor, command, pods);
    case 'archive':
      return named ? archive(ctx, actor, named) : unknownPod(command.name, pods, 'archive');
    case 'advocate':
      if (!named) return unknownPod(command.name, pods, 'advocate', '@person');
      if (!permission.ok) return plain(permission.message);
      return advocate(ctx, actor, named, command.userId);
    case 'remove':
      if (!named) return unknownPod(command.name, pods, 'remove', '@person');
      if (!permission.ok) return plain(permission.message);
      return remove(ctx, actor, named, command.userId);
  }
}

function unknownPod(name: string, pods: readonly StoredPodView[], subcommand: string, rest = ''): SlackMessage {
  const suggestion = suggestPodName(name, pods.filter((pod) => !pod.archived).map((pod) => pod.name));
  const hint = suggestion ? ` Did you mean \`/pod ${subcommand} ${suggestion}${rest ? ` ${rest}` : ''}\`?` : ' `/pod list` shows the pods.';
  return plain(`There is no pod called \`${name}\`.${hint}`);
}

async function leave(ctx: PodCommandContext, actor: string, name: string | undefined, pods: readonly StoredPodView[]): Promise<SlackMessage> {
  const decision = decideLeave({ slackId: actor, pods, ...(name !== undefined ? { name } : {}) });
  if (!decision.ok) return plain(decision.message);
  const ended = await endMembership(ctx.db, ctx.outbox, { podName: decision.pod.name, slackUserId: actor, reason: 'left', actor, now: ctx.clock.now() });
  if (ended === undefined) return plain(`You are no longer in the ${decision.pod.displayName} pod.`);
  ctx.log.info({ pod: decision.pod.name, slackId: actor }, 'pods: left');
  return renderLeftPod(decision.pod);
}

async function create(ctx: PodCommandContext, actor: string, command: Extract<PodCommand, { kind: 'create' }>, pods: readonly StoredPodView[]): Promise<SlackMessage> {
  const existing = pods.find((pod) => pod.name === command.name);
  if (existing) return renderPodNameTaken(command.name, existing.archived);
  const pod = {
    name: command.name,
    displayName: displayNameFromSlug(command.name),
    area: command.area ?? '',
    capacity: DEFAULT_CAPACITY,
    advocates: command.advocates,
    source: 'command' as const,
  };
  const created = await createPod(ctx.db, pod, ctx.clock.now(), actor);
  if (!created) return renderPodNameTaken(command.name, false);
  ctx.log.info({ pod: pod.name, by: actor }, 'pods: created from Slack');
  return renderPodCreated(pod, pod.advocates);
}

async function archive(ctx: PodCommandContext, actor: string, pod: StoredPodView): Promise<SlackMessage> {
  if (pod.archived) return renderAlreadyArchived(pod);
  const archived = await archivePod(ctx.db, ctx.outbox, {
    podName: pod.name,
    now: ctx.clock.now(),
    actor,
    notify: (podId, members) => archivedNotices(podId, pod.name, pod.displayName, members, ctx.clock.now()),
  });
  if (!archived) return renderAlreadyArchived(pod);
  ctx.log.info({ pod: pod.name, by: actor }, 'pods: archived from Slack');
  return renderPodArchived(pod, ctx.config.pods.some((configured) => configured.name === pod.name));
}

/** DMs to the members of an archived pod; the archive time is in the key, as a pod can be archived again after coming back. */
export function archivedNotices(podId: number, podName: string, displayName: string, members: readonly string[], at: Date) {
  return members.map((slackId) => slackMessageJob(`pod-archived:${podId}:${at.getTime()}:${slackId}`, slackId, renderPodArchivedNotice({ displayName })));
}

async function advocate(ctx: PodCommandContext, actor: string, pod: StoredPodView, slackId: string): Promise<SlackMessage> {
  const now = ctx.clock.now();
  const added = await addAdvocate(ctx.db, { podId: pod.id, slackUserId: slackId, actor, now });
  if (added && slackId !== actor) {
    await ctx.outbox.enqueue(slackMessageJob(`pod-advocate:${pod.id}:${slackId}:${now.getTime()}`, slackId, renderAdvocateWelcome(pod, actor)));
  }
  return renderAdvocateAdded(pod, slackId, added);
}

async function remove(ctx: PodCommandContext, actor: string, pod: StoredPodView, slackId: string): Promise<SlackMessage> {
  const ended = await endMembership(ctx.db, ctx.outbox, {
    podName: pod.name,
    slackUserId: slackId,
    reason: 'removed',
    actor,
    now: ctx.clock.now(),
    notify: (membershipId) => [slackMessageJob(`pod-removed:${membershipId}`, slackId, renderRemovedNotice(pod, actor))],
  });
  if (ended === undefined) return renderNotAMember(pod, slackId);
  ctx.log.info({ pod: pod.name, slackId, by: actor }, 'pods: member removed');
  return renderMemberRemoved(pod, slackId);
}
