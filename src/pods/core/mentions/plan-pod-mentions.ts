import type { OutboxJobInput } from '../../../outbox/types';
import type { Db } from '../../store/db';
import type { PodView } from '../types';

export interface MentionRequest {
  /** Pods matching the issue or PR (see matchPods). */
  matched: readonly PodView[];
  /** Pods already mentioned on this issue or PR, read back from earlier comments' markers. */
  alreadyMentioned: readonly string[];
  /** GitHub login of the issue or PR author. */
  authorLogin: string;
  /** The author is a bot (`user.type === 'Bot'`); `[bot]` logins count as bots either way. */
  isBot: boolean;
  /** Labels on the issue or PR now. */
  labels: readonly string[];
  /** Label that turns mentions off for this issue or PR (podSettings.mentions.optOutLabel). */
  optOutLabel: string;
  /** podSettings.mentions.enabled */
  enabled: boolean;
}

export interface PlannedMention {
  pod: PodView;
  /** GitHub logins to cc: the pod's linked advocates, minus the author. */
  cc: string[];
  /** One more line under the pod, from an extension (e.g. who was requested for review and why). */
  note?: string;
  /** An extension's writes in the claiming transaction (see PodExtension.planMentionAdditions). */
  onClaim?(tx: Db): Promise<OutboxJobInput[]>;
}

export type MentionPlan =
  | { kind: 'mention'; mentions: PlannedMention[] }
  | { kind: 'skip'; reason: 'disabled' | 'opted-out' | 'bot-author' | 'nothing-new' };

/**
 * Which pods to mention now on an issue or PR. Each pod is mentioned at most once per issue or
 * PR (redeliveries and later `labeled`/`synchronize` events included), nothing is posted when
 * mentions are off, opted out, or the author is a bot, and an advocate is never cc'd on their own work.
 */
export function planPodMentions(request: MentionRequest): MentionPlan {
  if (!request.enabled) return { kind: 'skip', reason: 'disabled' };
  const optOut = request.optOutLabel.toLowerCase();
  if (request.labels.some((label) => label.toLowerCase() === optOut)) return { kind: 'skip', reason: 'opted-out' };
  if (request.isBot || /\[bot\]$/i.test(request.authorLogin)) return { kind: 'skip', reason: 'bot-author' };

  const done = new Set(request.alreadyMentioned.map((name) => name.toLowerCase()));
  const author = request.authorLogin.toLowerCase();
  const mentions: PlannedMention[] = [];
  for (const pod of request.matched) {
    if (pod.archived || done.has(pod.name.toLowerCase())) continue;
    done.add(pod.name.toLowerCase());
    const cc: string[] = [];
    for (const advocate of pod.advocates) {
      const login = advocate.githubLogin;
      if (!login || login.toLowerCase() === author) continue;
      if (!cc.some((existing) => existing.toLowerCase() === login.toLowerCase())) cc.push(login);
    }
    mentions.push({ pod, cc });
  }
  return mentions.length > 0 ? { kind: 'mention', mentions } : { kind: 'skip', reason: 'nothing-new' };
}
