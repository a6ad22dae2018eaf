import { section, type SlackMessage } from '../../kit/slack/blocks';
import { escapeMrkdwn as escape } from '../../kit/slack/text';
import type { GitHubWelcomeKind } from './welcome-keys';

export interface HandoffInput {
  kind: GitHubWelcomeKind;
  login: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  /** The pod this recipient advocates for; undefined when the DM goes to admins because no pod matched. */
  pod?: { displayName: string };
}

const WHAT: Record<GitHubWelcomeKind, string> = {
  'first-issue': 'opened their first issue',
  'first-pr': 'opened their first pull request',
  'first-merged-pr': 'got their first pull request merged',
};

/** The DM to an advocate (or, with no matching pod, an admin) about a first-time contributor. */
export function renderFirstTimerHandoff(input: HandoffInput): SlackMessage {
  const where = input.pod ? ` in the *${escape(input.pod.displayName)}* Pod's area` : '';
  const why = input.pod ? 'You advocate for this pod: a friendly word from you makes a difference.' : 'No pod matched, so this comes to the admins: could someone say hello?';
  const text = `:seedling: *${escape(input.login)}* ${WHAT[input.kind]}${where}: <${input.url}|${escape(input.repo)}#${input.number} ${escape(input.title)}>\n${why}`;
  return { text: `${input.login} ${WHAT[input.kind]} in ${input.repo}`, blocks: [section(text)] };
}
