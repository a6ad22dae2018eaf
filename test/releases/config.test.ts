import { describe, expect, it } from 'vitest';
import { releasesSection } from '../../src/releases/config';

describe('releasesSection', () => {
  it('accepts an absent section with every default', () => {
    expect(releasesSection.parse(undefined)).toEqual({ announce: true, onDraft: false, bots: [], maxBodyChars: 125000 });
  });

  it('reads a full section', () => {
    expect(
      releasesSection.parse({
        channel: 'C0123456789',
        announce: false,
        onDraft: true,
        bots: ['k8s-ci-robot'],
        tagPrefix: 'kustomize/',
        maxBodyChars: 100000,
      }),
    ).toEqual({
      channel: 'C0123456789',
      announce: false,
      onDraft: true,
      bots: ['k8s-ci-robot'],
      tagPrefix: 'kustomize/',
      maxBodyChars: 100000,
    });
  });

  it("rejects a channel name and a limit above GitHub's 125,000 characters", () => {
    const result = releasesSection.safeParse({ channel: '#releases', maxBodyChars: 200000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['channel', 'maxBodyChars']);
  });
});
