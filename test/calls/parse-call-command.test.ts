import { describe, expect, it } from 'vitest';
import { parseCallCommand } from '../../src/calls/core/command/parse-call-command';

const oneCall = ['community-call'];
const twoCalls = ['community-call', 'contributor-sync'];

describe('parse-call-command', () => {
  it('reads the plain subcommands, and no text as next', () => {
    expect(parseCallCommand('', oneCall)).toEqual({ kind: 'next' });
    expect(parseCallCommand('  next ', oneCall)).toEqual({ kind: 'next' });
    expect(parseCallCommand('SCHEDULE', oneCall)).toEqual({ kind: 'schedule' });
    expect(parseCallCommand('help', oneCall)).toEqual({ kind: 'help' });
  });

  it('keeps an agenda topic as typed', () => {
    expect(parseCallCommand('agenda  Release 1.2: what, when & who?', oneCall)).toEqual({
      kind: 'agenda',
      topic: 'Release 1.2: what, when & who?',
    });
  });

  it('reads skip with a date and an optional reason, and unskip with a date', () => {
    expect(parseCallCommand('skip 2026-12-23 Holidays, see you in January', oneCall)).toEqual({
      kind: 'skip',
      date: '2026-12-23',
      reason: 'Holidays, see you in January',
    });
    expect(parseCallCommand('skip 2026-12-23', oneCall)).toEqual({ kind: 'skip', date: '2026-12-23' });
    expect(parseCallCommand('unskip 2026-12-23', oneCall)).toEqual({ kind: 'unskip', date: '2026-12-23' });
  });

  it('reads notes and recording links, also when Slack wraps them in angle brackets', () => {
    expect(parseCallCommand('notes https://hackmd.io/abc', oneCall)).toEqual({ kind: 'notes', url: 'https://hackmd.io/abc' });
    expect(parseCallCommand('recording <https://youtu.be/xyz|youtu.be/xyz>', oneCall)).toEqual({
      kind: 'recording',
      url: 'https://youtu.be/xyz',
    });
  });

  it('takes a leading call slug when it names a call', () => {
    expect(parseCallCommand('contributor-sync', twoCalls)).toEqual({ kind: 'next', slug: 'contributor-sync' });
    expect(parseCallCommand('contributor-sync skip 2026-12-24 travel', twoCalls)).toEqual({
      kind: 'skip',
      slug: 'contributor-sync',
      date: '2026-12-24',
      reason: 'travel',
    });
  });

  it('suggests the subcommand a typo was probably meant to be', () => {
    expect(parseCallCommand('shedule', oneCall)).toEqual({
      kind: 'invalid',
      message: '`shedule` is not something I know. Did you mean `schedule`? Type `/community-call help` to see what works.',
    });
    expect(parseCallCommand('agneda more tests', oneCall)).toMatchObject({ message: expect.stringContaining('Did you mean `agenda`?') });
    expect(parseCallCommand('rec https://x.org', oneCall)).toMatchObject({ message: expect.stringContaining('Did you mean `recording`?') });
    expect(parseCallCommand('contributor-sink next', twoCalls)).toMatchObject({
      message: expect.stringContaining('Did you mean `contributor-sync`?'),
    });
  });

  it('does not guess when nothing is close', () => {
    expect(parseCallCommand('banana', oneCall)).toEqual({
      kind: 'invalid',
      message: '`banana` is not something I know. Type `/community-call help` to see what works.',
    });
  });

  it('explains missing or malformed arguments', () => {
    expect(parseCallCommand('agenda', oneCall)).toEqual({
      kind: 'invalid',
      message: 'Add the topic after `agenda`, like `/community-call agenda Release 1.2 plans`.',
    });
    expect(parseCallCommand('skip', oneCall)).toEqual({
      kind: 'invalid',
      message: 'Add the date of the call, like `2026-11-25`. For example `/community-call skip 2026-11-25`.',
    });
    expect(parseCallCommand('skip 25/11/2026', oneCall)).toEqual({
      kind: 'invalid',
      message:
        '`25/11/2026` is not a date I can read. Write it as YYYY-MM-DD, like `2026-11-25`. For example `/community-call skip 2026-11-25`.',
    });
    expect(parseCallCommand('unskip 2026-02-30', oneCall)).toEqual({
      kind: 'invalid',
      message: "`2026-02-30` is not a real date. Use the call's date, like `2026-11-25`. For example `/community-call unskip 2026-11-25`.",
    });
    expect(parseCallCommand('notes hackmd.io/abc', oneCall)).toEqual({
      kind: 'invalid',
      message: '`hackmd.io/abc` is not an http(s) link. Try `/community-call notes https://example.com/notes`.',
    });
    expect(parseCallCommand(`agenda ${'x'.repeat(201)}`, oneCall)).toEqual({
      kind: 'invalid',
      message: 'That topic is 201 characters; keep it under 200 and link to details.',
    });
  });
});
