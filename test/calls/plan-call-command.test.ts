import { describe, expect, it } from 'vitest';
import { planCallCommand } from '../../src/calls/core/command/plan-call-command';
import { aCall } from './a-call';

const community = aCall({ hosts: ['U0HOST'] });
const office = aCall({ slug: 'office-hours', name: 'Office hours', channel: 'C0OFFICE' });
const input = { text: '', channelId: 'C0GENERAL', userId: 'U0MEMBER', isAdmin: false };

describe('planCallCommand', () => {
  it('answers help and parse errors in the ack, without choosing a call', () => {
    expect(planCallCommand([community, office], { ...input, text: 'help' })).toMatchObject({ kind: 'answer', message: { text: 'Community call commands' } });
    expect(planCallCommand([community], { ...input, text: 'nxt' })).toMatchObject({ kind: 'answer' });
  });

  it('runs `next` on the call of the channel it was typed in', () => {
    expect(planCallCommand([community, office], { ...input, channelId: 'C0OFFICE' })).toEqual({ kind: 'run', call: office, command: { kind: 'next' } });
  });

  it('refuses skip in the ack to someone who is neither a host nor an admin, and lets hosts and admins through', () => {
    const skip = { ...input, text: 'skip 2026-12-02' };
    const refused = planCallCommand([community], skip);
    expect(refused.kind === 'answer' && refused.message.text).toContain('Only the hosts of the Community call and podbot admins can skip a call.');
    expect(planCallCommand([community], { ...skip, userId: 'U0HOST' })).toMatchObject({ kind: 'run', command: { kind: 'skip', date: '2026-12-02' } });
    expect(planCallCommand([community], { ...skip, isAdmin: true })).toMatchObject({ kind: 'run', command: { kind: 'skip' } });
  });

  it('says so when no call is configured', () => {
    const plan = planCallCommand([], input);
    expect(plan.kind === 'answer' && plan.message.text).toContain('No community calls are set up yet.');
  });
});
