import { section, type SlackMessage } from '../../../kit/slack/blocks';
import { escapeMrkdwn, mentionUser } from '../../../kit/slack/text';
import type { PodView } from '../types';

/**
 * Short replies and notices for `/pod leave|create|archive|advocate|remove`. Each says what
 * happened and, where it helps, what to do next.
 */
function message(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}

const name = (pod: Pick<PodView, 'displayName'>) => `*${escapeMrkdwn(pod.displayName)}*`;

export function renderLeftPod(pod: PodView): SlackMessage {
  return message(`You left the ${name(pod)} pod. Your time there stays in its history. \`/join-pod\` shows the pods if you want another.`);
}

export function renderPodCreated(pod: { name: string; displayName: string; capacity: number }, advocates: readonly string[]): SlackMessage {
  return message(
    `Created the ${name(pod)} pod (\`${pod.name}\`, capacity ${pod.capacity}) with ${advocates.map(mentionUser).join(', ')} as advocate${advocates.length === 1 ? '' : 's'}. ` +
      `People can join with \`/join-pod ${pod.name}\`. To give it labels, paths or a channel, add it to \`pods:\` in podbot.yml.`,
  );
}

export function renderPodNameTaken(podName: string, archived: boolean): SlackMessage {
  return message(
    archived
      ? `A pod called \`${podName}\` existed and is archived; names are not reused so its history stays clear. Pick another name, or bring it back by listing it in podbot.yml.`
      : `There is already a pod called \`${podName}\`. \`/pod info ${podName}\` shows it.`,
  );
}

export function renderPodArchived(pod: PodView, stillInConfig: boolean): SlackMessage {
  const members = pod.members.length;
  const told = members > 0 ? ` Its ${members} member${members === 1 ? ' has' : 's have'} been told by DM.` : '';
  const config = stillInConfig ? ' It is still listed in podbot.yml, so remove it there too or it comes back at the next restart.' : '';
  return message(`Archived the ${name(pod)} pod: it takes no new members and gets no GitHub mentions; its history is kept.${told}${config}`);
}

export function renderAlreadyArchived(pod: PodView): SlackMessage {
  return message(`The ${name(pod)} pod is already archived.`);
}

/** The DM members get when their pod is archived. */
export function renderPodArchivedNotice(pod: Pick<PodView, 'displayName'>): SlackMessage {
  return message(
    `The ${name(pod)} pod you were in has been archived. Thank you for your time in it; it stays in the pod's history. ` +
      '`/join-pod` shows the pods you can join now.',
  );
}

export function renderAdvocateAdded(pod: PodView, slackId: string, added: boolean): SlackMessage {
  return message(
    added
      ? `${mentionUser(slackId)} is now an advocate of the ${name(pod)} pod. They get a DM when someone joins.`
      : `${mentionUser(slackId)} is already an advocate of the ${name(pod)} pod.`,
  );
}

/** The DM a new advocate gets. */
export function renderAdvocateWelcome(pod: PodView, addedBy: string): SlackMessage {
  return message(
    `${mentionUser(addedBy)} made you an advocate of the ${name(pod)} pod. You will get a DM when someone joins, ` +
      'and your App Home shows recent newcomers and activity in the pod.',
  );
}

export function renderMemberRemoved(pod: PodView, slackId: string): SlackMessage {
  return message(`Removed ${mentionUser(slackId)} from the ${name(pod)} pod. They have been told by DM.`);
}

export function renderNotAMember(pod: PodView, slackId: string): SlackMessage {
  return message(`${mentionUser(slackId)} is not in the ${name(pod)} pod, so there is nobody to remove. \`/pod info ${pod.name}\` lists its members.`);
}

/** The DM someone gets when an advocate or admin removes them from a pod. */
export function renderRemovedNotice(pod: PodView, removedBy: string): SlackMessage {
  return message(
    `${mentionUser(removedBy)} removed you from the ${name(pod)} pod. If you think that was a mistake, reply to them. ` +
      '`/join-pod` shows the pods you can join.',
  );
}

export function renderSwitchCancelled(stayIn: string): SlackMessage {
  return message(`OK, you stay in \`${stayIn}\`. Nothing changed.`);
}
