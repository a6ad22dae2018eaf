import { describe, expect, it } from 'vitest';
import { decideJoin } from '../../src/pods/core/join/decide-join';
import { aMember, aPod, members } from './builders';

const joiner = 'UJOINER';

describe('decideJoin', () => {
  it('lets someone join an open pod they are not in', () => {
    const docs = aPod({ name: 'docs', members: members(3, 'regular') });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs], maxPodsPerContributor: 1 })).toEqual({ ok: true });
  });

  it('says so when the joiner is already a member', () => {
    const docs = aPod({ name: 'docs', members: [aMember({ slackId: joiner })] });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs], maxPodsPerContributor: 1 })).toEqual({
      ok: false,
      reason: 'already-member',
    });
  });

  it('refuses a full pod and suggests the open pod sharing its labels', () => {
    const docs = aPod({ name: 'docs', labels: ['area/docs', 'website'], capacity: 2, members: members(2, 'newcomer') });
    const cli = aPod({ name: 'cli', labels: ['area/cli'], members: [] });
    const site = aPod({ name: 'site', labels: ['Website'], members: members(4, 'regular') });
    const decision = decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs, cli, site], maxPodsPerContributor: 1 });
    expect(decision).toEqual({ ok: false, reason: 'full', alternative: { pod: site, because: 'shared-labels', shared: ['Website'] } });
  });

  it('falls back to area words, then to the smallest open pod', () => {
    const docs = aPod({ name: 'docs', area: 'Documentation and tutorials', capacity: 1, members: members(1, 'regular') });
    const guides = aPod({ name: 'guides', area: 'Tutorials for operators', members: members(5, 'regular') });
    const cli = aPod({ name: 'cli', area: 'Command line', members: members(1, 'regular') });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs, guides, cli], maxPodsPerContributor: 1 })).toEqual({
      ok: false,
      reason: 'full',
      alternative: { pod: guides, because: 'similar-area', shared: ['tutorial'] },
    });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs, cli], maxPodsPerContributor: 1 })).toEqual({
      ok: false,
      reason: 'full',
      alternative: { pod: cli, because: 'smallest-open', shared: [] },
    });
  });

  it('refuses a full pod without an alternative when every other pod is full or archived', () => {
    const docs = aPod({ name: 'docs', capacity: 1, members: members(1, 'regular') });
    const cli = aPod({ name: 'cli', capacity: 1, members: members(1, 'regular') });
    const old = aPod({ name: 'old', archived: true });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs, cli, old], maxPodsPerContributor: 1 })).toEqual({
      ok: false,
      reason: 'full',
    });
  });

  it('treats a pod over capacity (capacity lowered in config) as full', () => {
    const docs = aPod({ name: 'docs', capacity: 2, members: members(3, 'regular') });
    expect(decideJoin({ pod: docs, joinerSlackId: joiner, pods: [docs], maxPodsPerContributor: 1 })).toEqual({ ok: false, reason: 'full' });
  });

  it('refuses an archived pod, even for a former member', () => {
    const old = aPod({ name: 'old', archived: true, members: [aMember({ slackId: joiner })] });
    expect(decideJoin({ pod: old, joinerSlackId: joiner, pods: [old], maxPodsPerContributor: 1 })).toEqual({
      ok: false,
      reason: 'archived',
    });
  });

  it('asks to confirm a switch at the limit, naming the pod joined longest ago', () => {
    const first = aPod({ name: 'first', members: [aMember({ slackId: joiner, joinedAt: new Date('2024-01-01T00:00:00Z') })] });
    const second = aPod({ name: 'second', members: [aMember({ slackId: joiner, joinedAt: new Date('2025-06-01T00:00:00Z') })] });
    const target = aPod({ name: 'target' });
    expect(decideJoin({ pod: target, joinerSlackId: joiner, pods: [second, first, target], maxPodsPerContributor: 2 })).toEqual({
      ok: false,
      reason: 'needs-switch-confirmation',
      leave: first,
    });
  });

  it('lets someone below the limit join a second pod', () => {
    const first = aPod({ name: 'first', members: [aMember({ slackId: joiner })] });
    const target = aPod({ name: 'target' });
    expect(decideJoin({ pod: target, joinerSlackId: joiner, pods: [first, target], maxPodsPerContributor: 2 })).toEqual({ ok: true });
  });

  it('does not count membership of an archived pod against the limit', () => {
    const old = aPod({ name: 'old', archived: true, members: [aMember({ slackId: joiner })] });
    const target = aPod({ name: 'target' });
    expect(decideJoin({ pod: target, joinerSlackId: joiner, pods: [old, target], maxPodsPerContributor: 1 })).toEqual({ ok: true });
  });

  it('reports a full pod before asking to switch', () => {
    const mine = aPod({ name: 'mine', members: [aMember({ slackId: joiner })] });
    const full = aPod({ name: 'full', capacity: 1, members: members(1, 'regular') });
    const decision = decideJoin({ pod: full, joinerSlackId: joiner, pods: [mine, full], maxPodsPerContributor: 1 });
    expect(decision).toEqual({ ok: false, reason: 'full' });
  });
});
