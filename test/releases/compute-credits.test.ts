import { describe, expect, it } from 'vitest';
import { computeCredits } from '../../src/releases/core/credits/compute-credits';
import type { GatheredPr, PodDefinition } from '../../src/releases/types';
import { gatheredPrsOf, loadReleaseFixture } from './load-release-fixture';

const release = { owner: 'o', repo: 'r', tag: 'v1.1.0', previousTag: 'v1.0.0' };

const aPr = (over: Partial<GatheredPr> & { number: number }): GatheredPr => ({
  title: `PR ${over.number}`,
  url: `https://github.com/o/r/pull/${over.number}`,
  authorLogin: 'someone',
  body: '',
  labels: [],
  files: [],
  mergedAt: `2024-01-${String(over.number).padStart(2, '0')}T00:00:00Z`,
  commits: [],
  ...over,
});

const pods: PodDefinition[] = [
  { name: 'docs', displayName: 'Docs', labels: ['area/docs'], paths: ['site/**', '**/*.md'], advocates: [{ slackId: 'UDOCS', githubLogin: 'dana' }] },
  { name: 'cli', displayName: 'CLI', labels: ['Area/CLI'], paths: ['cmd/**'], advocates: [{ slackId: 'UCLI' }] },
  { name: 'empty', displayName: 'Nobody', labels: ['area/none'], paths: [], advocates: [] },
];

describe('computeCredits', () => {
  const prs = [
    aPr({ number: 1, authorLogin: 'alice', labels: ['area/docs'] }),
    aPr({ number: 2, authorLogin: 'bob', files: ['cmd/root.go', 'README.md'] }),
    aPr({ number: 3, authorLogin: 'dependabot[bot]', labels: ['area/cli'] }),
    aPr({
      number: 4,
      authorLogin: 'Carol',
      files: ['pkg/x.go'],
      commits: [
        {
          sha: 'c4',
          message: 'x\n\nCo-authored-by: Alice A <1+ALICE@users.noreply.github.com>\nCo-authored-by: Erin E <erin@example.com>\nCo-authored-by: Renovate <2+renovate[bot]@users.noreply.github.com>',
          authorName: 'Carol',
          authorEmail: 'carol@example.com',
          authorLogin: 'Carol',
        },
      ],
    }),
    aPr({ number: 5, authorLogin: 'k8s-infra-cherrypick-robot', body: 'This is an automated cherry-pick of #4\n\n/assign bob' }),
  ];
  const credits = computeCredits({
    release,
    prs,
    pods,
    firstTimers: new Map([['bob', 2]]),
    linkedSlackIds: new Map([
      ['ALICE', 'UALICE'],
      ['cli-lead', 'UCLI'],
    ]),
    bots: ['k8s-infra-cherrypick-robot'],
  });

  it('credits authors and co-authors once, case-insensitively, sorted, without bots', () => {
    expect(credits.contributors).toEqual([
      { handle: 'alice', isLogin: true, slackId: 'UALICE' },
      { handle: 'bob', isLogin: true, slackId: null },
      { handle: 'Carol', isLogin: true, slackId: null },
      { handle: 'Erin E', isLogin: false, slackId: null },
    ]);
  });

  it('puts a PR under every pod whose labels or paths match it, labels compared case-insensitively', () => {
    expect(credits.pods.map((p) => [p.name, p.pullRequests.map((pr) => pr.number)])).toEqual([
      ['docs', [1, 2]],
      ['cli', [2, 3]],
    ]);
    expect(credits.pods[1].contributors.map((c) => c.handle)).toEqual(['bob']);
  });

  it("names each pod's advocate, finding the GitHub login of a linked advocate", () => {
    expect(credits.pods[0].advocates).toEqual([{ slackId: 'UDOCS', githubLogin: 'dana' }]);
    expect(credits.pods[1].advocates).toEqual([{ slackId: 'UCLI', githubLogin: 'cli-lead' }]);
  });

  it("lists the rest under everyone else and credits a cherry-pick to the original PR's author", () => {
    expect(credits.everyoneElse.pullRequests.map((pr) => pr.number)).toEqual([4, 5]);
    expect(credits.everyoneElse.contributors.map((c) => c.handle)).toEqual(['alice', 'Carol', 'Erin E']);
  });

  it('reports new contributors with the PR that was their first', () => {
    expect(credits.newContributors).toEqual([
      { login: 'bob', slackId: null, prNumber: 2, prUrl: 'https://github.com/o/r/pull/2' },
    ]);
    expect(credits.pullRequestCount).toBe(5);
  });

  it('uses a cherry-pick author supplied for an original PR outside the release', () => {
    const result = computeCredits({
      release,
      prs: [aPr({ number: 9, authorLogin: 'k8s-infra-cherrypick-robot', body: 'This is an automated cherry-pick of #2' })],
      pods: [],
      firstTimers: new Map(),
      linkedSlackIds: new Map(),
      bots: ['k8s-infra-cherrypick-robot'],
      cherryPickAuthors: new Map([[2, 'bob']]),
    });
    expect(result.contributors.map((c) => c.handle)).toEqual(['bob']);
  });
});

describe('computeCredits on real release history', () => {
  it('credits kind v0.30.0…v0.31.0: 12 authors plus an unmapped co-author, dependabot left out', () => {
    const fixture = loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json');
    const credits = computeCredits({
      release: { owner: 'kubernetes-sigs', repo: 'kind', tag: 'v0.31.0', previousTag: 'v0.30.0' },
      prs: gatheredPrsOf(fixture),
      pods: [],
      // first-timers of this range, read off the repository's history
      firstTimers: new Map([
        ['mikejoh', 4011],
        ['shahar1', 4016],
        ['AnjaliMishra1st', 3994],
        ['kalexmills', 4009],
        ['kishen-v', 4004],
        ['rayowang', 4043],
        ['adambkaplan', 4022],
        ['aoxn', 4073],
      ]),
      linkedSlackIds: new Map([['BenTheElder', 'UBEN']]),
      // Akihiro Suda co-authored #4022; GitHub knows his commit e-mail. Antonio Ojea's (#4043) is not given.
      knownEmails: new Map([['suda.kyoto@gmail.com', 'AkihiroSuda']]),
    });

    expect(credits.contributors.map((c) => c.handle)).toEqual([
      'adambkaplan',
      'afbjorklund',
      'AkihiroSuda',
      'AnjaliMishra1st',
      'Antonio Ojea',
      'aoxn',
      'BenTheElder',
      'kalexmills',
      'kishen-v',
      'mikejoh',
      'rayowang',
      'shahar1',
      'stmcginnis',
    ]);
    expect(credits.contributors.find((c) => c.handle === 'BenTheElder')?.slackId).toBe('UBEN');
    expect(credits.contributors.find((c) => c.handle === 'Antonio Ojea')?.isLogin).toBe(false);
    expect(credits.newContributors.map((n) => `${n.login} #${n.prNumber}`)).toEqual([
      'AnjaliMishra1st #3994',
      'kishen-v #4004',
      'kalexmills #4009',
      'mikejoh #4011',
      'shahar1 #4016',
      'adambkaplan #4022',
      'rayowang #4043',
      'aoxn #4073',
    ]);
    // dependabot's ten PRs are still listed, only not credited as a person
    expect(credits.everyoneElse.pullRequests).toContainEqual({
      number: 4002,
      title: 'Bump actions/setup-go from 5.5.0 to 6.0.0',
      url: 'https://github.com/kubernetes-sigs/kind/pull/4002',
      authorLogin: 'dependabot[bot]',
    });
    expect(credits.pullRequestCount).toBe(31);
  });

  it('credits external-dns v0.14.1…v0.14.2: squash co-authors, a co-author-only contributor, second PRs not new', () => {
    const fixture = loadReleaseFixture('kubernetes-sigs__external-dns__v0.14.1__v0.14.2.json');
    // The recorded history has no labels; this test labels two chart PRs itself to exercise a pod section.
    const prs = gatheredPrsOf(fixture).map((pr) => (pr.number === 4322 || pr.number === 4380 ? { ...pr, labels: ['chart'] } : pr));
    const credits = computeCredits({
      release: { owner: 'kubernetes-sigs', repo: 'external-dns', tag: 'v0.14.2', previousTag: 'v0.14.1' },
      prs,
      pods: [{ name: 'helm', displayName: 'Helm chart', labels: ['chart'], paths: [], advocates: [{ slackId: 'UHELM', githubLogin: 'stevehipwell' }] }],
      firstTimers: new Map([
        ['onedr0p', 4322],
        ['leonardocaylent', 4296],
        ['Jeremy-Boyle', 4210],
        ['dongjiang1989', 4153], // his first PR is older: #4351, #4400 and #4406 here are not his first
      ]),
      linkedSlackIds: new Map(),
      // commit e-mails GitHub ties to these users
      knownEmails: new Map([
        ['steve.hipwell@gmail.com', 'stevehipwell'],
        ['raffo@github.com', 'Raffo'],
      ]),
    });

    expect(credits.contributors.map((c) => c.handle)).toEqual([
      'bford-evs',
      'dongjiang1989',
      'DrFaust92',
      'ebachle',
      'franzudev',
      'ilyesAj',
      'IntegralProgrammer',
      'jeremy-albuixech',
      'Jeremy-Boyle',
      'jonas-budde',
      'khuedoan',
      'leonardocaylent',
      'mfreeman451',
      'mloiseleur',
      'omerap12',
      'onedr0p',
      'ProbstenHias',
      'PseudoResonance',
      'Raffo',
      'rhjensen79',
      'SimonKienzler',
      'stefanlasiewski',
      'stevehipwell',
      'szuecs',
      'userbradley',
      'yurrriq', // only a co-author (noreply trailer on #4296)
    ]);
    expect(credits.contributors.some((c) => c.handle.toLowerCase().includes('dependabot'))).toBe(false);

    // #4322 is onedr0p's squash merge, co-authored by Steve Hipwell; #4380 is by bford-evs.
    expect(credits.pods).toHaveLength(1);
    expect(credits.pods[0].pullRequests.map((pr) => pr.number)).toEqual([4322, 4380]);
    expect(credits.pods[0].contributors.map((c) => c.handle)).toEqual(['bford-evs', 'onedr0p', 'stevehipwell']);
    expect(credits.everyoneElse.pullRequests).toHaveLength(48);

    expect(credits.newContributors.map((n) => `${n.login} #${n.prNumber}`)).toEqual([
      'Jeremy-Boyle #4210',
      'leonardocaylent #4296',
      'onedr0p #4322',
    ]);
  });

  it('credits kustomize/v5.2.1…kustomize/v5.3.0: a co-author without a login keeps the name as written', () => {
    const fixture = loadReleaseFixture('kubernetes-sigs__kustomize__kustomize_v5.2.1__kustomize_v5.3.0.json');
    const credits = computeCredits({
      release: { owner: 'kubernetes-sigs', repo: 'kustomize', tag: 'kustomize/v5.3.0', previousTag: 'kustomize/v5.2.1' },
      prs: gatheredPrsOf(fixture),
      pods: [],
      firstTimers: new Map([['chansuke', 5381]]), // #5390, merged later, is chansuke's second PR
      linkedSlackIds: new Map(),
      knownEmails: new Map([['varshaprasad96@gmail.com', 'varshaprasad96']]),
    });
    expect(credits.contributors.map((c) => c.handle)).toEqual([
      '0xff-dev',
      'Aceralon',
      'ardikabs',
      'chansuke',
      'charles-chenzz',
      'chlunde',
      'koba1t',
      'kundan2707',
      'MrFreezeex',
      'natasha41575',
      'ncapps',
      'prashantrewar',
      'Ricardo', // co-author of #5439, no login known
      'soltysh',
      'stormqueen1990',
      'sylr',
      'varshaprasad96',
    ]);
    expect(credits.newContributors).toEqual([
      { login: 'chansuke', slackId: null, prNumber: 5381, prUrl: 'https://github.com/kubernetes-sigs/kustomize/pull/5381' },
    ]);
  });
});

describe('computeCredits with a co-author written by full name', () => {
  it('credits "Akihiro Suda" as the login AkihiroSuda already credited, and a stranger by name', () => {
    const credits = computeCredits({
      release,
      prs: [
        aPr({ number: 1, authorLogin: 'AkihiroSuda' }),
        aPr({
          number: 2,
          authorLogin: 'adam',
          commits: [{ sha: 'c2', message: 'x\n\nCo-authored-by: Akihiro Suda <suda@example.com>\nCo-authored-by: Ricardo <ricardo@example.com>', authorName: 'Adam', authorEmail: 'adam@example.com', authorLogin: null }],
        }),
      ],
      pods: [],
      firstTimers: new Map(),
      linkedSlackIds: new Map(),
    });
    expect(credits.contributors.map((c) => [c.handle, c.isLogin])).toEqual([
      ['adam', true],
      ['AkihiroSuda', true],
      ['Ricardo', false],
    ]);
  });
});
