import { describe, expect, it } from 'vitest';
import { chooseReviewers, type ReviewerCandidate } from '../../src/care/core/choose-reviewers';

const now = new Date('2026-11-23T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function person(login: string, overrides: Partial<ReviewerCandidate> = {}): ReviewerCandidate {
  return { login, openReviews: 0, lastActiveAt: daysAgo(1), busy: false, ...overrides };
}

const choose = (candidates: ReviewerCandidate[], overrides: Partial<Parameters<typeof chooseReviewers>[0]> = {}) =>
  chooseReviewers({ podDisplayName: 'Docs', author: 'newbie', candidates, count: 1, inactiveDays: 60, now, ...overrides });

describe('chooseReviewers', () => {
  it('asks whoever has the fewest open reviews, and says so in one line', () => {
    expect(choose([person('ann', { openReviews: 2 }), person('bob', { openReviews: 0 }), person('cid', { openReviews: 1 })])).toEqual({
      logins: ['bob'],
      explanation: 'requested @bob: fewest open reviews in Docs',
    });
  });

  it('spreads two requests over the two least loaded, naming both', () => {
    const choice = choose([person('ann', { openReviews: 3 }), person('bob', { openReviews: 1 }), person('cid', { openReviews: 0 })], { count: 2 });
    expect(choice).toEqual({ logins: ['cid', 'bob'], explanation: 'requested @cid and @bob: fewest open reviews in Docs' });
  });

  it('breaks a tie by who podbot asked least recently (never asked first), then by login', () => {
    const candidates = [
      person('zed', { lastRequestedAt: daysAgo(2) }),
      person('amy', { lastRequestedAt: daysAgo(1) }),
      person('kim'),
      person('joe'),
    ];
    expect(choose(candidates, { count: 4 }).logins).toEqual(['joe', 'kim', 'zed', 'amy']);
    expect(choose([...candidates].reverse(), { count: 4 }).logins).toEqual(['joe', 'kim', 'zed', 'amy']);
  });

  it('never asks the author (in any case), someone busy, someone already taken, or a bot', () => {
    const candidates = [person('Newbie'), person('ann', { busy: true }), person('bob'), person('ci[bot]'), person('cid', { openReviews: 5 })];
    expect(choose(candidates, { taken: ['BOB'], count: 2 }).logins).toEqual(['cid']);
  });

  it('leaves out anyone with no activity in the last 60 days, and anyone with none at all', () => {
    const candidates = [person('old', { lastActiveAt: daysAgo(61) }), person('never', { lastActiveAt: undefined }), person('edge', { lastActiveAt: daysAgo(60), openReviews: 9 })];
    expect(choose(candidates).logins).toEqual(['edge']);
    expect(choose(candidates, { inactiveDays: 90, count: 2 }).logins).toEqual(['old', 'edge']);
  });

  it('chooses nobody, with no explanation, when nobody is left', () => {
    expect(choose([person('newbie'), person('ann', { busy: true })])).toEqual({ logins: [] });
  });

  it('counts a person once even when listed twice (member and advocate)', () => {
    expect(choose([person('ann'), person('ANN'), person('bob', { openReviews: 1 })], { count: 2 }).logins).toEqual(['ann', 'bob']);
  });
});
