import type { AppContext } from '../context';
import type { SlackMessage } from '../kit/slack/blocks';
import { choosePodFor } from './core/join/choose-pod-for';
import { decideJoin } from './core/join/decide-join';
import { findAlternativePod } from './core/join/find-alternative-pod';
import { JOIN_POD_USAGE, parseJoinPodCommand } from './core/join/parse-join-pod-command';
import type { Joiner } from './core/join/render-advocate-handoff';
import { renderJoinConfirmation } from './core/join/render-join-confirmation';
import { renderJoinPodPicker } from './core/join/render-join-pod-picker';
import { renderJoinRefusal } from './core/join/render-join-refusal';
import { renderSwitchConfirmation } from './core/join/render-switch-confirmation';
import { renderUnknownPod } from './core/command/render-unknown-pod';
import { section } from '../kit/slack/blocks';
import { suggestPodName } from './core/command/suggest-pod-name';
import type { PodView } from './core/types';
import { joinNotifications } from './notifications';
import { contributorLevel, ensureContributor } from './store/contributors';
import { joinPod } from './store/join-pod';
import { readPodViews } from './store/read-pod-views';

const plain = (text: string): SlackMessage => ({ text, blocks: [section(text)] });

/** What joining uses from the app. */
export type JoinContext = Pick<AppContext, 'db' | 'outbox' | 'clock' | 'config' | 'log'>;

/** `/join-pod [text]`: the picker, a join by name, or auto-assignment. Returns the reply for the person. */
export async function runJoinPodCommand(ctx: JoinContext, slackId: string, text: string): Promise<SlackMessage> {
  const command = parseJoinPodCommand(text);
  switch (command.kind) {
    case 'picker': {
      const pods = await readPodViews(ctx.db, { liveOnly: true });
      return renderJoinPodPicker(pods, { viewerSlackId: slackId, idealSize: ctx.config.podSettings.idealSize });
    }
    case 'help':
      return plain(JOIN_POD_USAGE);
    case 'invalid':
      return plain(command.message);
    case 'join':
      return joinByName(ctx, { slackId, name: command.name });
    case 'auto':
      return autoJoin(ctx, slackId, undefined);
    case 'interests':
      return autoJoin(ctx, slackId, command.interests);
  }
}

/**
 * Joins a pod by name (the command, the picker's Join button, the did-you-mean button, and a confirmed
 * switch, which passes `leaveFrom`).
 * 1. load the pods; 2. decide with the core (typo, archived, member, full, limit); 3. write under lock.
 */
export async function joinByName(ctx: JoinContext, request: { slackId: string; name: string; leaveFrom?: string; reason?: string }): Promise<SlackMessage> {
  const pods = await readPodViews(ctx.db);
  const pod = pods.find((candidate) => candidate.name === request.name);
  if (pod === undefined) {
    return renderUnknownPod(request.name, suggestPodName(request.name, pods.filter((p) => !p.archived).map((p) => p.name)));
  }
  const max = ctx.config.podSettings.maxPodsPerContributor;
  const decision = decideJoin({ pod, joinerSlackId: request.slackId, pods, maxPodsPerContributor: max });
  if (!decision.ok) {
    if (decision.reason !== 'needs-switch-confirmation') return renderJoinRefusal(pod, decision);
    if (request.leaveFrom === undefined) return renderSwitchConfirmation(decision.leave, pod, max);
  }
  return commitJoin(ctx, pods, pod, request);
}

/** `/join-pod auto` and `/join-pod interests: …`: the core picks the pod, then it is an ordinary join. */
async function autoJoin(ctx: JoinContext, slackId: string, interests: string[] | undefined): Promise<SlackMessage> {
  const pods = await readPodViews(ctx.db);
  const contributor = await ensureContributor(ctx.db, slackId, ctx.clock.now());
  const level = await contributorLevel(ctx.db, contributor);
  const choice = choosePodFor({ level, pods, joinerSlackId: slackId, ...(interests ? { interests } : {}) });
  if (!choice.ok) return plain(choice.message);
  const max = ctx.config.podSettings.maxPodsPerContributor;
  const decision = decideJoin({ pod: choice.pod, joinerSlackId: slackId, pods, maxPodsPerContributor: max });
  if (!decision.ok) {
    if (decision.reason === 'needs-switch-confirmation') {
      const confirm = renderSwitchConfirmation(decision.leave, choice.pod, max);
      const why = `Why ${choice.pod.name}: ${choice.reason}`;
      return { text: `${why}\n${confirm.text}`, blocks: [section(why), ...confirm.blocks] };
    }
    return renderJoinRefusal(choice.pod, decision);
  }
  return commitJoin(ctx, pods, choice.pod, { slackId, reason: choice.reason });
}

/**
 * The write: the transaction re-checks everything under a lock, because the views were read without
 * one and another join may have filled the pod since. What it refuses is explained the same way.
 */
async function commitJoin(
  ctx: JoinContext,
  pods: readonly PodView[],
  pod: PodView,
  request: { slackId: string; leaveFrom?: string; reason?: string },
): Promise<SlackMessage> {
  const contributor = await ensureContributor(ctx.db, request.slackId, ctx.clock.now());
  const joiner: Joiner = {
    slackId: request.slackId,
    level: await contributorLevel(ctx.db, contributor),
    ...(contributor.githubLogin ? { githubLogin: contributor.githubLogin } : {}),
  };
  const max = ctx.config.podSettings.maxPodsPerContributor;
  const outcome = await joinPod(ctx.db, ctx.outbox, {
    podName: pod.name,
    contributorId: contributor.id,
    now: ctx.clock.now(),
    maxPodsPerContributor: max,
    actor: request.slackId,
    joiner,
    ...(request.leaveFrom ? { leaveFrom: request.leaveFrom } : {}),
    notify: ({ membershipId, memberCount }) => joinNotifications(pod, joiner, membershipId, memberCount),
  });

  switch (outcome.kind) {
    case 'joined': {
      ctx.log.info({ pod: pod.name, slackId: request.slackId, left: outcome.left, members: outcome.memberCount }, 'pods: joined');
      const leftPod = outcome.left ? pods.find((candidate) => candidate.name === outcome.left) : undefined;
      return renderJoinConfirmation(pod, { ...(request.reason ? { reason: request.reason } : {}), ...(leftPod ? { leftPod } : {}) });
    }
    case 'already-member':
      return renderJoinRefusal(pod, { ok: false, reason: 'already-member' });
    case 'not-found':
      return renderUnknownPod(pod.name, undefined);
    case 'full':
    case 'archived': {
      // The pod changed since it was read: read again, so the alternative offered has room now.
      const fresh = await readPodViews(ctx.db);
      const now = fresh.find((candidate) => candidate.name === pod.name) ?? pod;
      const alternative = findAlternativePod(now, fresh, request.slackId);
      return renderJoinRefusal(now, { ok: false, reason: outcome.kind, ...(alternative ? { alternative } : {}) });
    }
    case 'needs-switch': {
      const leave = pods.find((candidate) => candidate.name === outcome.leave);
      if (leave) return renderSwitchConfirmation(leave, pod, max);
      return plain(`You are already in ${max} pod${max === 1 ? '' : 's'}. \`/pod leave\` first, then join \`${pod.name}\`.`);
    }
  }
}
