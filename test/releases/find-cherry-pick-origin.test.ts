import { describe, expect, it } from 'vitest';
import { findCherryPickOrigin } from '../../src/releases/core/gather/find-cherry-pick-origin';

describe('findCherryPickOrigin', () => {
  it("recognises Prow's automated cherry-pick body", () => {
    expect(findCherryPickOrigin('This is an automated cherry-pick of #4043\n\n/assign BenTheElder')).toEqual({
      prNumber: 4043,
      login: null,
    });
  });

  it('takes the original author when the body names them', () => {
    expect(findCherryPickOrigin('Fixes the build.\n\n(cherry picked from #123 by @alice)')).toEqual({
      prNumber: 123,
      login: 'alice',
    });
    expect(findCherryPickOrigin('Cherry-pick of #77 by @Bob-Smith to release-1.2')).toEqual({
      prNumber: 77,
      login: 'Bob-Smith',
    });
  });

  it('recognises hand-written "Cherry pick of" and "Backport of"', () => {
    expect(findCherryPickOrigin('Cherry pick of #9 on release-0.14.')?.prNumber).toBe(9);
    expect(findCherryPickOrigin('Backport of #12')?.prNumber).toBe(12);
  });

  it("ignores git's own trailer, which names a commit and no PR, and ordinary bodies", () => {
    expect(findCherryPickOrigin('(cherry picked from commit 0123456789abcdef)')).toBeNull();
    expect(findCherryPickOrigin('Fixes #12 by adding a check')).toBeNull();
    expect(findCherryPickOrigin('')).toBeNull();
  });
});
