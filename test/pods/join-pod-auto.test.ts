import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { commandReply, membersOf } from './app-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: {
      pods: [
        { name: 'alpha', area: 'Documentation', labels: ['area/docs'], advocates: ['UALPHA'] },
        { name: 'beta', area: 'Command line tools', labels: ['area/cli'], advocates: ['UBETA'] },
        { name: 'gamma', area: 'Shell completion for the command line', labels: ['area/cli'], advocates: ['UGAMMA'] },
      ],
    },
  });
  // beta gets one newcomer, so it is no longer the emptiest at that level.
  await commandReply(t, '/join-pod', 'beta', 'UFIRST');
});
afterAll(() => t?.stop());

describe('/join-pod auto and interests', () => {
  it('auto picks among pods with the fewest members at the joiner level, then by name, and says why', async () => {
    const reply = await commandReply(t, '/join-pod', 'auto', 'UAUTO');
    expect(reply.text).toBe(
      'You joined the *Alpha* pod.\n' +
        'Why this pod: alpha has 0 newcomers of 0 members; 2 of the 3 open pods have 0 newcomers and 0 members, and alpha comes first by name.\n' +
        '<@UALPHA> is your advocate and has been told you are here; say hi any time.',
    );
    expect(await membersOf(t, 'alpha')).toEqual(['UAUTO']);
  });

  it('interests narrow the choice to matching pods and the balance decides among them', async () => {
    const reply = await commandReply(t, '/join-pod', 'interests: cli', 'UCLI');
    expect(reply.text).toBe(
      'You joined the *Gamma* pod.\n' +
        'Why this pod: gamma has 0 newcomers of 0 members, the fewest newcomers among 2 open pods matching cli.\n' +
        '<@UGAMMA> is your advocate and has been told you are here; say hi any time.',
    );
  });

  it('explains when no pod matches the interests', async () => {
    const reply = await commandReply(t, '/join-pod', 'interests: kernels', 'UNONE');
    expect(reply.text).toBe('No pod matches kernels. The pods are `alpha`, `beta`, `gamma`; try `/join-pod auto` or pick one with `/join-pod`.');
  });
});
