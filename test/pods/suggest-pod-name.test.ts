import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/kit/text/find-closest-match';
import { suggestPodName } from '../../src/pods/core/command/suggest-pod-name';

const pods = ['docs', 'cli', 'website', 'release-engineering', 'ci'];

describe('suggestPodName', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('dosc', 'docs')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests docs for dosc', () => {
    expect(suggestPodName('dosc', pods)).toBe('docs');
  });

  it('ignores case', () => {
    expect(suggestPodName('DOCS', pods)).toBe('docs');
  });

  it('tolerates more typos in longer names', () => {
    expect(suggestPodName('relase-enginering', pods)).toBe('release-engineering');
    expect(suggestPodName('websiet', pods)).toBe('website');
  });

  it('completes a prefix', () => {
    expect(suggestPodName('rel', pods)).toBe('release-engineering');
    expect(suggestPodName('web', pods)).toBe('website');
  });

  it('prefers the closer name and breaks ties by name', () => {
    // "cl" is one edit from both "cli" and "ci"; "cli" also starts with it.
    expect(suggestPodName('cl', pods)).toBe('cli');
    expect(suggestPodName('cx', ['ca', 'cb'])).toBe('ca');
  });

  it('suggests nothing for unrelated words', () => {
    expect(suggestPodName('security', pods)).toBeUndefined();
    expect(suggestPodName('x', pods)).toBeUndefined();
    expect(suggestPodName('', pods)).toBeUndefined();
  });
});
