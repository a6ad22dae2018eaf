import { describe, expect, it } from 'vitest';
import { decideLeave } from '../../src/pods/core/join/decide-leave';
import { aMember, aPod } from './builders';

const me = 'UME';
const docs = aPod({ name: 'docs', displayName: 'Docs', members: [aMember({ slackId: me })] });
const cli = aPod({ name: 'cli', displayName: 'CLI', members: [aMember({ slackId: me })] });
const api = aPod({ name: 'api', displayName: 'API' });

describe('decideLeave', () => {
  it('leaves the only pod when no name is given', () => {
    expect(decideLeave({ slackId: me, pods: [docs, api] })).toEqual({ ok: true, pod: docs });
  });

  it('asks which pod when the person is in several', () => {
    expect(decideLeave({ slackId: me, pods: [docs, cli] })).toEqual({
      ok: false,
      message: 'You are in `docs`, `cli`. Say which one to leave, like `/pod leave docs`.',
    });
  });

  it('says there is nothing to leave for someone in no pod', () => {
    expect(decideLeave({ slackId: 'UNOBODY', pods: [docs] })).toEqual({
      ok: false,
      message: 'You are not in any pod. `/join-pod` shows the pods you can join.',
    });
  });

  it('leaves the named pod', () => {
    expect(decideLeave({ name: 'cli', slackId: me, pods: [docs, cli] })).toEqual({ ok: true, pod: cli });
  });

  it('refuses a pod the person is not in and lists theirs', () => {
    expect(decideLeave({ name: 'api', slackId: me, pods: [docs, api] })).toEqual({
      ok: false,
      message: 'You are not in the API pod, so there is nothing to leave. Your pods: `docs`.',
    });
  });

  it('suggests the name of one of their pods for a typo', () => {
    expect(decideLeave({ name: 'dosc', slackId: me, pods: [docs, api] })).toEqual({
      ok: false,
      message: 'There is no pod called `dosc`. Did you mean `/pod leave docs`?',
    });
  });
});
