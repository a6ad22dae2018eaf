/**
 * Outbox idempotency keys. Each names what must happen at most once; enqueueing the same key again is a no-op,
 * so Slack retries, GitHub redeliveries and restarts cannot send twice.
 */
export type GitHubWelcomeKind = 'first-issue' | 'first-pr' | 'first-merged-pr';

/** The welcome DM: once per Slack user, ever. */
export function slackWelcomeKey(userId: string): string {
  return `welcome:slack:${userId}`;
}

/** The channel greeting: once per user per channel. */
export function channelGreetingKey(channel: string, userId: string): string {
  return `welcome:channel:${channel}:${userId}`;
}

/** A GitHub welcome: once per person per repository and kind. Logins are case-insensitive on GitHub. */
export function githubWelcomeKey(repo: string, login: string, kind: GitHubWelcomeKind): string {
  return `welcome:gh:${repo.toLowerCase()}:${login.toLowerCase()}:${kind}`;
}

/** The label that goes with a first-issue or first-PR welcome. */
export function githubWelcomeLabelKey(repo: string, login: string, kind: GitHubWelcomeKind): string {
  return `${githubWelcomeKey(repo, login, kind)}:label`;
}

/** The hand-off DM about a first-timer, once per recipient. */
export function handoffKey(repo: string, login: string, kind: GitHubWelcomeKind, recipient: string): string {
  return `${githubWelcomeKey(repo, login, kind)}:handoff:${recipient}`;
}
