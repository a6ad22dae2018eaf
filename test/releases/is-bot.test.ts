import { describe, expect, it } from 'vitest';
import { isBot } from '../../src/kit/contributors/is-bot';

describe('isBot', () => {
  it('treats every [bot] login as a bot', () => {
    expect(isBot('dependabot[bot]')).toBe(true);
    expect(isBot('Renovate[BOT]')).toBe(true);
  });

  it('matches a configured name with and without [bot], case-insensitively', () => {
    const bots = ['k8s-ci-robot', 'mergify'];
    expect(isBot('K8s-CI-Robot', bots)).toBe(true);
    expect(isBot('mergify[bot]', bots)).toBe(true);
    expect(isBot('Mergify', bots)).toBe(true);
  });

  it('accepts a configured name written with [bot]', () => {
    expect(isBot('codecov', ['codecov[bot]'])).toBe(true);
  });

  it('does not treat a person whose login merely contains a bot name as a bot', () => {
    expect(isBot('robotics-fan', ['robot'])).toBe(false);
    expect(isBot('BenTheElder', ['k8s-ci-robot'])).toBe(false);
  });
});
