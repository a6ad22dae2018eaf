import { describe, expect, it } from 'vitest';
import { findPreviousReleaseCandidates, type ReleaseSummary } from '../../src/releases/core/gather/find-previous-release';

const release = (tag_name: string, published_at: string | null, extra: Partial<ReleaseSummary> = {}): ReleaseSummary => ({
  tag_name,
  published_at,
  draft: false,
  prerelease: false,
  ...extra,
});

describe('findPreviousReleaseCandidates', () => {
  // kustomize tags every module from the same release run, on its own commit.
  const kustomize = [
    release('kustomize/v5.3.0', '2023-12-07T20:00:00Z'),
    release('api/v0.16.0', '2023-12-07T19:00:00Z'),
    release('kyaml/v0.16.0', '2023-12-07T18:00:00Z'),
    release('kustomize/v5.2.1', '2023-10-19T20:00:00Z'),
    release('api/v0.15.0', '2023-10-19T19:00:00Z'),
    release('kustomize/v5.2.0', '2023-10-17T20:00:00Z'),
  ];

  it('keeps only the same module prefix, newest first, before the current release', () => {
    expect(findPreviousReleaseCandidates(kustomize, { currentTag: 'kustomize/v5.3.0', tagPrefix: 'kustomize/' })).toEqual([
      'kustomize/v5.2.1',
      'kustomize/v5.2.0',
    ]);
  });

  it("uses the current tag's own prefix when none is configured", () => {
    expect(findPreviousReleaseCandidates(kustomize, { currentTag: 'api/v0.16.0' })).toEqual(['api/v0.15.0']);
  });

  it('does not let an unprefixed tag pick a module tag', () => {
    const releases = [release('v2.0.0', '2024-02-01T00:00:00Z'), release('api/v0.2.0', '2024-01-20T00:00:00Z'), release('v1.9.0', '2024-01-01T00:00:00Z')];
    expect(findPreviousReleaseCandidates(releases, { currentTag: 'v2.0.0' })).toEqual(['v1.9.0']);
  });

  it('skips drafts, and pre-releases for a stable release, but lets a pre-release follow one', () => {
    const releases = [
      release('v1.3.0', null, { draft: true }),
      release('v1.2.0-rc.1', '2024-03-01T00:00:00Z', { prerelease: true }),
      release('v1.1.0', '2024-02-01T00:00:00Z'),
      release('v1.0.0', '2024-01-01T00:00:00Z'),
    ];
    expect(findPreviousReleaseCandidates(releases, { currentTag: 'v1.2.0' })).toEqual(['v1.1.0', 'v1.0.0']);
    expect(findPreviousReleaseCandidates(releases, { currentTag: 'v1.2.0-rc.2' })).toEqual([
      'v1.2.0-rc.1',
      'v1.1.0',
      'v1.0.0',
    ]);
  });

  it('re-running for an old release ignores releases published after it', () => {
    const releases = [release('v0.31.0', '2025-12-17T00:00:00Z'), release('v0.30.0', '2025-08-27T00:00:00Z'), release('v0.29.0', '2025-05-21T00:00:00Z')];
    expect(findPreviousReleaseCandidates(releases, { currentTag: 'v0.30.0' })).toEqual(['v0.29.0']);
  });
});
