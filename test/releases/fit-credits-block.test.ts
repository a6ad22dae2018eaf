import { describe, expect, it } from 'vitest';
import { CreditsTooLongError, fitCreditsBlock } from '../../src/releases/core/body/fit-credits-block';
import { aBigRelease, aSmallRelease } from './credits-builders';

describe('fitCreditsBlock', () => {
  it('keeps the full PR lists when they fit', () => {
    const fitted = fitCreditsBlock('Human notes', aSmallRelease(), 125_000);
    expect(fitted.level).toBe('full');
    expect(fitted.body.startsWith('Human notes\n\n<!-- podbot:credits:start -->')).toBe(true);
  });

  it('collapses a 2,000-PR release into counts under 125,000 characters, keeping every name', () => {
    const human = 'x'.repeat(10_000);
    const fitted = fitCreditsBlock(human, aBigRelease(2000), 125_000);
    expect(fitted.level).toBe('counts');
    expect(fitted.body.length).toBeLessThanOrEqual(125_000);
    expect(fitted.body.startsWith(human)).toBe(true);
    expect(fitted.body).toContain('2000 pull requests.');
    expect(fitted.body).toContain('@contributor-0001');
    expect(fitted.body).toContain('@contributor-2000');
  });

  it('folds into <details> first when the full lists are one character too long', () => {
    const full = fitCreditsBlock('Human notes', aBigRelease(20), 125_000);
    expect(full.level).toBe('full');
    const folded = fitCreditsBlock('Human notes', aBigRelease(20), full.body.length - 1);
    expect(folded.level).toBe('details');
    expect(folded.body).toContain('<details>');
  });

  it('throws a typed error when even the names do not fit', () => {
    let caught: unknown;
    try {
      fitCreditsBlock('Human notes', aSmallRelease(), 200);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CreditsTooLongError);
    expect((caught as CreditsTooLongError).code).toBe('RELEASE_CREDITS_TOO_LONG');
    expect((caught as CreditsTooLongError).maxBodyChars).toBe(200);
  });
});
