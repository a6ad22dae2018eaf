import { describe, expect, it } from 'vitest';
import { parseJoinPodCommand } from '../../src/pods/core/join/parse-join-pod-command';

describe('parseJoinPodCommand', () => {
  it('opens the picker when there is no text', () => {
    expect(parseJoinPodCommand('')).toEqual({ kind: 'picker' });
    expect(parseJoinPodCommand('   ')).toEqual({ kind: 'picker' });
  });

  it('joins a pod by name, lowercased', () => {
    expect(parseJoinPodCommand('docs')).toEqual({ kind: 'join', name: 'docs' });
    expect(parseJoinPodCommand(' Docs ')).toEqual({ kind: 'join', name: 'docs' });
  });

  it('reads a display name with spaces and a leading # as the slug', () => {
    expect(parseJoinPodCommand('cli tools')).toEqual({ kind: 'join', name: 'cli-tools' });
    expect(parseJoinPodCommand('#docs')).toEqual({ kind: 'join', name: 'docs' });
  });

  it('reads auto-assignment', () => {
    expect(parseJoinPodCommand('auto')).toEqual({ kind: 'auto' });
    expect(parseJoinPodCommand('AUTO')).toEqual({ kind: 'auto' });
  });

  it('reads interests separated by commas or spaces, without repeats', () => {
    expect(parseJoinPodCommand('interests: docs, cli')).toEqual({ kind: 'interests', interests: ['docs', 'cli'] });
    expect(parseJoinPodCommand('interests:Docs,CLI docs')).toEqual({ kind: 'interests', interests: ['docs', 'cli'] });
    expect(parseJoinPodCommand('interest testing')).toEqual({ kind: 'interests', interests: ['testing'] });
  });

  it('asks for at least one interest', () => {
    const parsed = parseJoinPodCommand('interests:');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain('Name at least one interest, like `/join-pod interests: docs, cli`.');
  });

  it('explains what a pod name looks like and shows usage', () => {
    const parsed = parseJoinPodCommand('docs!');
    expect(parsed).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('`docs!` is not a pod name: pod names use lowercase letters, digits and dashes'),
    });
    expect(parsed.kind === 'invalid' && parsed.message).toContain('`/join-pod auto`');
  });

  it('reads help', () => {
    expect(parseJoinPodCommand('help')).toEqual({ kind: 'help' });
  });
});
