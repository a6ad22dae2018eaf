import { describe, expect, it } from 'vitest';
import { checkPodPermission } from '../../src/pods/core/command/check-pod-permission';
import { aPod } from './builders';

const docs = aPod({ name: 'docs', advocates: [{ slackId: 'UADV' }] });
const admins = ['UADMIN'];

describe('checkPodPermission', () => {
  it('lets admins create and archive pods', () => {
    expect(checkPodPermission({ command: { kind: 'archive', name: 'docs' }, actorSlackId: 'UADMIN', admins, pod: docs })).toEqual({ ok: true });
  });

  it('refuses create to others and says who can do it', () => {
    expect(
      checkPodPermission({ command: { kind: 'create', name: 'x', advocates: ['U1'] }, actorSlackId: 'UADV', admins }),
    ).toEqual({
      ok: false,
      message: 'Only admins can create pods. Ask an admin: <@UADMIN>. Pods can also be added to `pods:` in podbot.yml.',
    });
  });

  it('lets a pod advocate add advocates to their own pod', () => {
    expect(checkPodPermission({ command: { kind: 'advocate', name: 'docs', userId: 'U2' }, actorSlackId: 'UADV', admins, pod: docs })).toEqual({
      ok: true,
    });
  });

  it('refuses remove to a member who is not an advocate, naming the advocates', () => {
    expect(checkPodPermission({ command: { kind: 'remove', name: 'docs', userId: 'U2' }, actorSlackId: 'USOMEONE', admins, pod: docs })).toEqual({
      ok: false,
      message: 'Only admins and the advocates of `docs` can remove people from it. Its advocates are <@UADV>. Ask an admin: <@UADMIN>.',
    });
  });

  it('lets anyone list, leave and read info', () => {
    expect(checkPodPermission({ command: { kind: 'list' }, actorSlackId: 'USOMEONE', admins: [] })).toEqual({ ok: true });
    expect(checkPodPermission({ command: { kind: 'leave' }, actorSlackId: 'USOMEONE', admins: [] })).toEqual({ ok: true });
  });
});
