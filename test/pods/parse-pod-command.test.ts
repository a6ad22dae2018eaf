import { describe, expect, it } from 'vitest';
import { parsePodCommand } from '../../src/pods/core/command/parse-pod-command';

function message(text: string): string {
  const parsed = parsePodCommand(text);
  if (parsed.kind !== 'invalid') throw new Error(`expected invalid, got ${parsed.kind}`);
  return parsed.message;
}

describe('parsePodCommand', () => {
  it('shows my pods when there is no text', () => {
    expect(parsePodCommand('')).toEqual({ kind: 'mine' });
  });

  it('reads list, help and info', () => {
    expect(parsePodCommand('list')).toEqual({ kind: 'list' });
    expect(parsePodCommand('HELP')).toEqual({ kind: 'help' });
    expect(parsePodCommand('info Docs')).toEqual({ kind: 'info', name: 'docs' });
  });

  it('reads leave with and without a name', () => {
    expect(parsePodCommand('leave')).toEqual({ kind: 'leave' });
    expect(parsePodCommand('leave cli')).toEqual({ kind: 'leave', name: 'cli' });
  });

  it('reads both escaped mention forms Slack sends', () => {
    expect(parsePodCommand('advocate docs <@U123ABC|alice>')).toEqual({ kind: 'advocate', name: 'docs', userId: 'U123ABC' });
    expect(parsePodCommand('remove docs <@W999>')).toEqual({ kind: 'remove', name: 'docs', userId: 'W999' });
  });

  it('keeps a mention whole even when its label has spaces', () => {
    expect(parsePodCommand('advocate docs <@U123|Alice Smith>')).toEqual({ kind: 'advocate', name: 'docs', userId: 'U123' });
  });

  it('reads create with one or more advocates and an area', () => {
    expect(parsePodCommand('create docs <@U1|alice> Documentation and the website')).toEqual({
      kind: 'create',
      name: 'docs',
      advocates: ['U1'],
      area: 'Documentation and the website',
    });
    expect(parsePodCommand('create cli <@U1> <@U2|bob> <@U1>')).toEqual({ kind: 'create', name: 'cli', advocates: ['U1', 'U2'] });
  });

  it('reads archive', () => {
    expect(parsePodCommand('archive old-stuff')).toEqual({ kind: 'archive', name: 'old-stuff' });
  });

  it('explains an unescaped @name and how to fix it', () => {
    expect(message('advocate docs @bob')).toContain(
      'podbot could not read `@bob` as a Slack user. Pick the person from the @ list as you type',
    );
    expect(message('create docs @bob Docs')).toContain('podbot could not read `@bob` as a Slack user.');
  });

  it('shows the usage of the subcommand when an argument is missing', () => {
    expect(message('info')).toBe('`/pod info` needs a pod name.\n\n`/pod info <name>` — one pod: area, members, advocates, channel');
    expect(message('advocate docs')).toContain('`/pod advocate` needs a person: mention them with @.');
    expect(message('create')).toContain('`/pod create` needs a pod name.');
  });

  it('refuses extra words', () => {
    expect(message('list everything')).toContain('`/pod list` does not take `everything`.');
    expect(message('archive docs now')).toContain('`/pod archive` does not take `now`.');
  });

  it('suggests the subcommand an unknown one was probably meant to be', () => {
    expect(message('lsit')).toContain('`/pod lsit` is not a podbot command. Did you mean `/pod list`?');
    expect(message('advocat docs <@U1>')).toContain('Did you mean `/pod advocate`?');
  });

  it('shows full usage without a suggestion when nothing is close', () => {
    const text = message('frobnicate');
    expect(text).toContain('`/pod frobnicate` is not a podbot command.');
    expect(text).not.toContain('Did you mean');
    expect(text).toContain('`/pod leave [name]`');
  });

  it('escapes Slack control characters it echoes back', () => {
    expect(message('<b>')).toContain('`/pod &lt;b&gt;` is not a podbot command.');
  });
});
