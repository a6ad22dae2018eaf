import { describe, expect, it } from 'vitest';
import { parseCommunityConfig } from '../../src/app/community-config';
import { ConfigError } from '../../src/config/problems';
import { scopeCovers } from '../../src/kit/github/repository-scope';
import { podsForRepository } from '../../src/pods';
import { releaseSettingsFor, releasesSection } from '../../src/releases/config';

function problemsOf(yaml: string): string[] {
  try {
    parseCommunityConfig(yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.where}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

const pod = (name: string, scope: { repos?: string[]; orgs?: string[] } = {}) => ({ name, area: 'An area', advocates: ['U0ADV'], ...scope });

describe('repository scope', () => {
  it('covers every repository without repos or orgs', () => {
    expect(scopeCovers({}, 'acme/widgets')).toBe(true);
  });

  it('covers the listed repositories and the repositories of the listed organisations, ignoring case', () => {
    const scope = { repos: ['Globex/Gadgets'], orgs: ['ACME'] };
    expect(scopeCovers(scope, 'acme/widgets')).toBe(true);
    expect(scopeCovers(scope, 'globex/gadgets')).toBe(true);
    expect(scopeCovers(scope, 'globex/other')).toBe(false);
    expect(scopeCovers(scope, 'acmecorp/widgets')).toBe(false);
  });
});

describe('pods scoped by podbot.yml', () => {
  it('keeps unscoped and unconfigured pods everywhere and scoped ones where they apply', () => {
    const configured = parseCommunityConfig(
      JSON.stringify({ pods: [pod('docs', { orgs: ['acme'] }), pod('cli', { repos: ['globex/cli'] }), pod('infra')] }),
    ).pods;
    const stored = [{ name: 'docs' }, { name: 'cli' }, { name: 'infra' }, { name: 'made-in-slack' }];
    expect(podsForRepository(stored, configured, 'acme/widgets').map((p) => p.name)).toEqual(['docs', 'infra', 'made-in-slack']);
    expect(podsForRepository(stored, configured, 'globex/cli').map((p) => p.name)).toEqual(['cli', 'infra', 'made-in-slack']);
  });

  it('reads existing pods unchanged (no repos or orgs keys)', () => {
    const [docs] = parseCommunityConfig(JSON.stringify({ pods: [pod('docs')] })).pods;
    expect(docs).not.toHaveProperty('repos');
    expect(docs).not.toHaveProperty('orgs');
  });

  it('says what is wrong with a scope, with its path', () => {
    expect(problemsOf(JSON.stringify({ pods: [pod('docs', { repos: ['widgets'], orgs: ['https://github.com/acme'] })] }))).toEqual([
      'pods[0].repos[0]: repos must be "owner/name", like "kubernetes-sigs/kind"',
      'pods[0].orgs[0]: orgs must be organisation logins, like "kubernetes-sigs" (no URL, no @)',
    ]);
    expect(problemsOf(JSON.stringify({ pods: [pod('docs', { orgs: [] })] }))).toEqual(['pods[0].orgs: orgs must not be empty: leave it out to cover every organisation']);
  });
});

describe('release settings per organisation and repository', () => {
  const releases = releasesSection.parse({
    channel: 'C0MAIN',
    bots: ['main-bot'],
    overrides: [
      { repos: ['acme/monorepo'], tagPrefix: 'cli/', announce: false },
      { orgs: ['acme'], channel: 'C0ACME', bots: ['acme-bot'], onDraft: true },
    ],
  });

  it('uses the top-level settings where no override applies', () => {
    expect(releaseSettingsFor(releases, 'globex/gadgets')).toEqual({ channel: 'C0MAIN', announce: true, onDraft: false, bots: ['main-bot'], maxBodyChars: 125000 });
  });

  it('applies the organisation override, then the repository one, whatever their order in the file', () => {
    expect(releaseSettingsFor(releases, 'acme/widgets')).toEqual({ channel: 'C0ACME', announce: true, onDraft: true, bots: ['main-bot', 'acme-bot'], maxBodyChars: 125000 });
    expect(releaseSettingsFor(releases, 'ACME/Monorepo')).toEqual({
      channel: 'C0ACME',
      announce: false,
      onDraft: true,
      bots: ['main-bot', 'acme-bot'],
      tagPrefix: 'cli/',
      maxBodyChars: 125000,
    });
  });

  it('changes nothing when resolved twice', () => {
    const once = releaseSettingsFor(releases, 'acme/widgets');
    expect(releaseSettingsFor(once, 'acme/widgets')).toEqual(once);
  });

  it('rejects an override that says neither where it applies nor a known setting', () => {
    expect(problemsOf(JSON.stringify({ releases: { overrides: [{ channel: 'C0X' }] } }))).toEqual([
      'releases.overrides[0]: an override needs repos: [owner/name] or orgs: [login] to say where it applies',
    ]);
    expect(problemsOf(JSON.stringify({ releases: { overrides: [{ orgs: ['acme'], chanel: 'C0X' }] } }))[0]).toMatch(/^releases\.overrides\[0\]: .*chanel/);
  });
});
