import { describe, expect, it } from 'vitest';
import { planPodMentions, type MentionRequest } from '../../src/pods/core/mentions/plan-pod-mentions';
import { aPod } from './builders';

const docs = aPod({
  name: 'docs',
  advocates: [
    { slackId: 'UALICE', githubLogin: 'alice' },
    { slackId: 'UBOB' },
  ],
});
const cli = aPod({ name: 'cli', advocates: [{ slackId: 'UCAROL', githubLogin: 'Carol' }] });

function request(overrides: Partial<MentionRequest> = {}): MentionRequest {
  return {
    matched: [docs, cli],
    alreadyMentioned: [],
    authorLogin: 'dave',
    isBot: false,
    labels: [],
    optOutLabel: 'podbot:no-mention',
    enabled: true,
    ...overrides,
  };
}

describe('planPodMentions', () => {
  it('mentions every matched pod and ccs advocates with a linked GitHub login', () => {
    expect(planPodMentions(request())).toEqual({
      kind: 'mention',
      mentions: [
        { pod: docs, cc: ['alice'] },
        { pod: cli, cc: ['Carol'] },
      ],
    });
  });

  it('never mentions a pod twice, whatever the case of the stored marker', () => {
    expect(planPodMentions(request({ alreadyMentioned: ['DOCS'] }))).toEqual({ kind: 'mention', mentions: [{ pod: cli, cc: ['Carol'] }] });
    expect(planPodMentions(request({ alreadyMentioned: ['docs', 'cli'] }))).toEqual({ kind: 'skip', reason: 'nothing-new' });
  });

  it('mentions a pod once even if it was matched twice', () => {
    expect(planPodMentions(request({ matched: [cli, cli] }))).toEqual({ kind: 'mention', mentions: [{ pod: cli, cc: ['Carol'] }] });
  });

  it('does not cc an advocate on their own issue or PR', () => {
    expect(planPodMentions(request({ authorLogin: 'carol' }))).toEqual({
      kind: 'mention',
      mentions: [
        { pod: docs, cc: ['alice'] },
        { pod: cli, cc: [] },
      ],
    });
  });

  it('posts nothing when the opt-out label is on, in any case', () => {
    expect(planPodMentions(request({ labels: ['bug', 'PodBot:No-Mention'] }))).toEqual({ kind: 'skip', reason: 'opted-out' });
  });

  it('honours a configured opt-out label', () => {
    expect(planPodMentions(request({ labels: ['quiet'], optOutLabel: 'quiet' }))).toEqual({ kind: 'skip', reason: 'opted-out' });
    expect(planPodMentions(request({ labels: ['podbot:no-mention'], optOutLabel: 'quiet' })).kind).toBe('mention');
  });

  it('posts nothing for bots, flagged or by [bot] login', () => {
    expect(planPodMentions(request({ isBot: true }))).toEqual({ kind: 'skip', reason: 'bot-author' });
    expect(planPodMentions(request({ authorLogin: 'dependabot[bot]' }))).toEqual({ kind: 'skip', reason: 'bot-author' });
  });

  it('posts nothing when mentions are switched off', () => {
    expect(planPodMentions(request({ enabled: false }))).toEqual({ kind: 'skip', reason: 'disabled' });
  });

  it('posts nothing when no pod matched', () => {
    expect(planPodMentions(request({ matched: [] }))).toEqual({ kind: 'skip', reason: 'nothing-new' });
  });
});
