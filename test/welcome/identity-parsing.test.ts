import { describe, expect, it } from 'vitest';
import { decideLink } from '../../src/identity/core/decide-link';
import { parseLinkGitHubCommand } from '../../src/identity/core/parse-link-github-command';
import { parseUnlinkGitHubCommand } from '../../src/identity/core/parse-unlink-github-command';
import { summarizeLedger } from '../../src/kit/contributors/level-from-ledger';

describe('identity parsing and decisions', () => {
  it('reads a login, an @login and a profile URL the same way', () => {
    expect(parseLinkGitHubCommand('octocat')).toEqual({ kind: 'link', login: 'octocat' });
    expect(parseLinkGitHubCommand(' @octocat ')).toEqual({ kind: 'link', login: 'octocat' });
    expect(parseLinkGitHubCommand('<https://github.com/octocat>')).toEqual({ kind: 'link', login: 'octocat' });
  });

  it('shows the link when no login is given', () => {
    expect(parseLinkGitHubCommand('   ')).toEqual({ kind: 'show' });
  });

  it('answers invalid logins and extra words with usage', () => {
    expect(parseLinkGitHubCommand('-bad-').kind).toBe('usage');
    expect(parseLinkGitHubCommand('a--b').kind).toBe('usage');
    expect(parseLinkGitHubCommand('x'.repeat(40)).kind).toBe('usage');
    expect(parseLinkGitHubCommand('one two').kind).toBe('usage');
  });

  it('reads /unlink-github with nothing, an escaped mention, or junk', () => {
    expect(parseUnlinkGitHubCommand('')).toEqual({ kind: 'self' });
    expect(parseUnlinkGitHubCommand('<@U0ABC|ann>')).toEqual({ kind: 'other', slackUserId: 'U0ABC' });
    expect(parseUnlinkGitHubCommand('@ann').kind).toBe('usage');
  });

  it('refuses a login held by someone else and notices an unchanged link', () => {
    expect(decideLink({ caller: 'U1', login: 'Octo', ownerOfLogin: 'U2' })).toEqual({ kind: 'taken', owner: 'U2' });
    expect(decideLink({ caller: 'U1', login: 'Octo', callerLogin: 'octo', ownerOfLogin: 'U1' })).toEqual({ kind: 'already-linked' });
    expect(decideLink({ caller: 'U1', login: 'new', callerLogin: 'old' })).toEqual({ kind: 'link', replacing: 'old' });
  });

  it('summarizes a login’s ledger with the strongest association', () => {
    expect(
      summarizeLedger([
        { kind: 'pr', merged: true, association: 'FIRST_TIME_CONTRIBUTOR' },
        { kind: 'pr', merged: false, association: 'CONTRIBUTOR' },
        { kind: 'issue', merged: false, association: 'NONE' },
      ]),
    ).toEqual({ mergedPrs: 1, openedIssues: 1, association: 'CONTRIBUTOR' });
  });
});
