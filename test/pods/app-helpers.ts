// Helpers for the pods tests that drive the real app: reading Slack replies and seeding people.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app';

export interface SlackReply {
  text: string;
  blocks?: any[];
  response_type?: string;
  replace_original?: boolean;
}

/**
 * Runs a slash command: checks the ack is an empty 200 (podbot acks before any work), then waits for
 * the answer posted to the command's response_url.
 */
export async function commandReply(t: TestApp, command: string, text: string, user: string): Promise<SlackReply> {
  const id = randomUUID();
  const res = await t.command(command, text, user, { response_url: t.slack.responseUrl(id) });
  if (res.status !== 200) throw new Error(`${command} ${text} answered ${res.status}: ${await res.text()}`);
  expect(await res.text()).toBe('');
  return waitForResponse(t, id);
}

/** The first post to the response_url with this id. */
export async function waitForResponse(t: TestApp, id: string, timeoutMs = 15_000): Promise<SlackReply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const call = t.slack.callsTo('response_url').find((c) => c.args.response_url_id === id);
    if (call) return call.args as SlackReply;
    if (Date.now() > deadline) throw new Error(`no reply on response_url ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Clicks a button and waits for the message that replaces the one it was on (through response_url). */
export async function clickButton(t: TestApp, user: string, actionId: string, value: string): Promise<SlackReply> {
  const id = randomUUID();
  const res = await t.action({
    response_url: t.slack.responseUrl(id),
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0FAKE' },
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    channel: { id: 'C0GENERAL', name: 'general' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1700000000.000200', text: { type: 'plain_text', text: 'x' } }],
  });
  if (res.status !== 200) throw new Error(`action ${actionId} answered ${res.status}`);
  return waitForResponse(t, id);
}

/** The buttons of a reply, as `action_id=value`. */
export function buttonsOf(reply: SlackReply): string[] {
  return (reply.blocks ?? []).flatMap((block: any) => [
    ...(block.accessory?.type === 'button' ? [block.accessory] : []),
    ...(block.type === 'actions' ? block.elements : []),
  ]).map((button: any) => `${button.action_id}=${button.value}`);
}

/** A contributor row, e.g. an advocate with a linked GitHub login. */
export async function aContributor(t: TestApp, slackUserId: string, fields: { githubLogin?: string; level?: string } = {}): Promise<void> {
  await t.db.prisma.contributor.upsert({
    where: { slackUserId },
    create: { slackUserId, ...(fields.githubLogin ? { githubLogin: fields.githubLogin, githubLoginLower: fields.githubLogin.toLowerCase() } : {}), ...(fields.level ? { level: fields.level } : {}) },
    update: {},
  });
}

/** Slack ids of the open members of a pod, in join order. */
export async function membersOf(t: TestApp, podName: string): Promise<string[]> {
  const rows = await t.db.prisma.membership.findMany({
    where: { pod: { name: podName }, leftAt: null },
    orderBy: { id: 'asc' },
    select: { contributor: { select: { slackUserId: true } } },
  });
  return rows.map((row) => row.contributor.slackUserId);
}
