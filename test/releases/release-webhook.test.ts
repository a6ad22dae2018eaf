import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDITS_END, CREDITS_START } from '../../src/releases/core/body/render-credits-block';
import { registerReleases } from '../../src/releases/register';
import type { FakeRelease } from '../support/fake-github';
import { historyFromFixture, installRepoHistory, type RangeFixture } from '../support/github-history';
import { startTestApp, type TestApp } from '../support/test-app';
import { loadReleaseFixture } from './load-release-fixture';
import { aReleaseEvent } from './release-payload';

const kind = loadReleaseFixture('kubernetes-sigs__kind__v0.30.0__v0.31.0.json') as unknown as RangeFixture;
const externalDns = loadReleaseFixture('kubernetes-sigs__external-dns__v0.14.1__v0.14.2.json') as unknown as RangeFixture;

// Written in GitHub's web editor, so CRLF line ends, plus text a careless tool would mangle.
const KIND_HUMAN_TEXT = 'kind v0.31.0 is here.\r\n\r\n## Highlights\r\n* Kubernetes 1.35 — “node images” <b>rebuilt</b>\r\n';

function patchesTo(t: TestApp, releaseId: number) {
  return t.github.requestsTo('PATCH', new RegExp(`/releases/${releaseId}$`));
}

describe('release.published for kind v0.31.0 (recorded history)', () => {
  let t: TestApp;
  let release: FakeRelease;
  let response: Response;
  let body: string;

  beforeAll(async () => {
    t = await startTestApp({ features: [registerReleases], config: { releases: { channel: 'C0RELEASES', onDraft: true } } });
    const history = installRepoHistory(t.github, {
      ...historyFromFixture(kind, {
        labels: { 4011: ['kind/documentation'], 3994: ['kind/documentation'], 4009: ['kind/documentation'], 4043: ['kind/documentation'] },
        files: { 4016: ['site/content/docs/user/using-wsl2.md'], 4065: ['go.mod'] },
        // GitHub ties these commit e-mails to the accounts (verified addresses).
        emailLogins: { 'antonio.ojea.garcia@gmail.com': 'aojea', 'suda.kyoto@gmail.com': 'AkihiroSuda' },
      }),
    });
    history.addRelease({ tag_name: 'v0.30.0', published_at: '2025-08-27T18:00:00Z', created_at: '2025-08-27T18:00:00Z', body: 'old notes' });
    release = history.addRelease({ tag_name: 'v0.31.0', name: 'v0.31.0', published_at: '2025-12-18T20:00:00Z', created_at: '2025-12-18T20:00:00Z', body: KIND_HUMAN_TEXT });

    const db = t.db.prisma;
    const pod = await db.pod.create({ data: { name: 'docs', displayName: 'Docs', area: 'The kind website', labels: ['kind/documentation'], paths: ['site/**'], source: 'command' } });
    await db.podAdvocate.create({ data: { podId: pod.id, slackUserId: 'U0DOCSADV', source: 'command' } });
    await db.contributor.createMany({
      data: [
        { slackUserId: 'U0DOCSADV', githubLogin: 'docs-advocate', githubLoginLower: 'docs-advocate' },
        { slackUserId: 'U0MIKE', githubLogin: 'mikejoh', githubLoginLower: 'mikejoh' },
        { slackUserId: 'U0BEN', githubLogin: 'BenTheElder', githubLoginLower: 'bentheelder' },
      ],
    });
    // The ledger knows an earlier PR of BenTheElder, and mikejoh's release PR (webhook-fed, not backfilled).
    await db.ledgerEntry.createMany({
      data: [
        { repo: 'kubernetes-sigs/kind', number: 3500, kind: 'pr', authorLogin: 'BenTheElder', authorLoginLower: 'bentheelder', association: 'MEMBER', openedAt: new Date('2024-01-01T00:00:00Z'), merged: true, mergedAt: new Date('2024-01-02T00:00:00Z') },
        { repo: 'kubernetes-sigs/kind', number: 4011, kind: 'pr', authorLogin: 'mikejoh', authorLoginLower: 'mikejoh', association: 'NONE', openedAt: new Date('2025-09-01T00:00:00Z'), merged: true, mergedAt: new Date('2025-09-19T09:28:13Z') },
      ],
    });

    response = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'kind', release));
    await t.drain();
    body = patchesTo(t, release.id)[0]?.body?.body ?? '';
  });
  afterAll(() => t?.stop());

  it('answers the delivery after writing nothing but outbox jobs, then edits the release once', () => {
    expect(response.status).toBe(202);
    expect(patchesTo(t, release.id)).toHaveLength(1);
    expect(release.body).toBe(body);
  });

  it('keeps the human text byte for byte and appends the marked block after it', () => {
    expect(body.startsWith(KIND_HUMAN_TEXT)).toBe(true);
    expect(body.slice(KIND_HUMAN_TEXT.length).startsWith(`\n${CREDITS_START}\n`)).toBe(true);
    expect(body.endsWith(CREDITS_END)).toBe(true);
  });

  it('thanks the 13 people: authors, the co-authors aojea and AkihiroSuda, no dependabot', () => {
    expect(body).toContain('Thank you to the 13 people who contributed to this release! 🎉');
    expect(body).not.toMatch(/Contributors:[^\n]*dependabot/);
    expect(body).toContain('* Bump actions/setup-go from 5.5.0 to 6.0.0 by @dependabot[bot] in https://github.com/kubernetes-sigs/kind/pull/4002');
  });

  it('groups the docs PRs under the Docs pod, by label or by path, and names its advocate', () => {
    const docs = body.slice(body.indexOf('### Docs pod'), body.indexOf('### Everyone else'));
    expect(docs).toContain('* docs: remove reference to archived blixt repository by @mikejoh in https://github.com/kubernetes-sigs/kind/pull/4011');
    expect(docs).toContain('* Update WSL2 Session Affinity instructions by @shahar1 in https://github.com/kubernetes-sigs/kind/pull/4016');
    expect(docs.match(/^\* /gm)).toHaveLength(5);
    expect(docs).toContain('Contributors: @AnjaliMishra1st, @aojea, @kalexmills, @mikejoh, @rayowang, @shahar1');
    expect(docs).toContain('Shout-out to @docs-advocate, advocate of the Docs pod, for welcoming and guiding its contributors. 🙌');
  });

  it('credits everyone else once, a co-author who also authored PRs under their login', () => {
    const rest = body.slice(body.indexOf('### Everyone else'), body.indexOf('### New contributors'));
    expect(rest).toContain('Contributors: @adambkaplan, @afbjorklund, @AkihiroSuda, @aoxn, @BenTheElder, @kishen-v, @stmcginnis');
    expect(rest.match(/^\* /gm)).toHaveLength(26);
  });

  it('lists the eight first-timers in GitHub\'s words, not AkihiroSuda whose earlier PR predates the release', () => {
    const section = body.slice(body.indexOf('### New contributors'), body.indexOf('**Full Changelog**'));
    expect(section.trim().split('\n').slice(2)).toEqual([
      '* @AnjaliMishra1st made their first contribution in https://github.com/kubernetes-sigs/kind/pull/3994',
      '* @kishen-v made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4004',
      '* @kalexmills made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4009',
      '* @mikejoh made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4011',
      '* @shahar1 made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4016',
      '* @adambkaplan made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4022',
      '* @rayowang made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4043',
      '* @aoxn made their first contribution in https://github.com/kubernetes-sigs/kind/pull/4073',
    ]);
    expect(body).toContain('**Full Changelog**: https://github.com/kubernetes-sigs/kind/compare/v0.30.0...v0.31.0');
  });

  it('asks the ledger first: BenTheElder is never searched for, mikejoh (ledger not backfilled) is', () => {
    const searches = t.github.requestsTo('POST', /^\/graphql$/).filter((r) => String(r.body.query).includes('search('));
    expect(searches).toHaveLength(1);
    expect(searches[0].body.query).not.toContain('author:BenTheElder');
    expect(searches[0].body.query).toContain('author:mikejoh merged:<2025-09-19T09:28:13+00:00');
  });

  it('announces in Slack once, mentioning linked people and highlighting new contributors', () => {
    const posts = t.slack.messagesTo('C0RELEASES');
    expect(posts).toHaveLength(1);
    const text = JSON.stringify(posts[0].args.blocks);
    expect(text).toContain(':tada: *<https://github.com/kubernetes-sigs/kind/releases/tag/v0.31.0|v0.31.0>* is out!');
    expect(text).toContain('Thank you to the 13 people who contributed:');
    expect(text).toContain('<@U0BEN>');
    expect(text).toContain('<@U0MIKE> (<https://github.com/kubernetes-sigs/kind/pull/4011|#4011>)');
    expect(text).toContain('<https://github.com/aoxn|@aoxn> (<https://github.com/kubernetes-sigs/kind/pull/4073|#4073>)');
  });

  it('credits a draft on release.created when onDraft is set, comparing against its target, without announcing', async () => {
    const draft: FakeRelease = {
      id: 777001, tag_name: 'v0.32.0-draft', name: 'v0.32.0', body: 'Draft notes', draft: true, prerelease: false,
      published_at: null, created_at: '2025-12-19T00:00:00Z', html_url: 'https://github.com/kubernetes-sigs/kind/releases/tag/untagged-1', target_commitish: 'main',
    };
    t.github.releases.get('kubernetes-sigs/kind')!.push(draft);
    const res = await t.webhook('release', aReleaseEvent('created', 'kubernetes-sigs', 'kind', draft));
    expect(res.status).toBe(202);
    await t.drain();
    expect(t.github.requestsTo('GET', /\/compare\/v0\.31\.0\.\.\.main$/)).toHaveLength(1);
    expect(patchesTo(t, draft.id)).toHaveLength(1);
    expect(draft.body).toContain('Draft notes\n\n<!-- podbot:credits:start -->');
    expect(t.slack.messagesTo('C0RELEASES')).toHaveLength(1);
  });
});

describe('release.published for external-dns v0.14.2 (recorded history): re-runs and edits', () => {
  let t: TestApp;
  let release: FakeRelease;
  const human = 'ExternalDNS v0.14.2\n\nSee the upgrade notes.\n';

  beforeAll(async () => {
    t = await startTestApp({ features: [registerReleases], config: { releases: { channel: 'C0RELEASES' } } });
    const history = installRepoHistory(t.github, historyFromFixture(externalDns, { emailLogins: { 'steve.hipwell@gmail.com': 'stevehipwell' } }));
    history.addRelease({ tag_name: 'v0.14.1', published_at: '2024-03-18T12:00:00Z', created_at: '2024-03-18T12:00:00Z' });
    release = history.addRelease({ tag_name: 'v0.14.2', published_at: '2024-05-16T12:00:00Z', created_at: '2024-05-16T12:00:00Z', body: human });
  });
  afterAll(() => t?.stop());

  it('credits squash-merged PRs, their co-authors and a co-author named only in a trailer', async () => {
    const res = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'external-dns', release), { delivery: 'edns-1' });
    expect(res.status).toBe(202);
    await t.drain();
    const body = release.body ?? '';
    expect(body).toContain('Thank you to the 27 people who contributed to this release! 🎉');
    expect(body).toContain(
      'Contributors: @bford-evs, @dongjiang1989, @DrFaust92, @ebachle, @franzudev, @ilyesAj, @IntegralProgrammer, @jeremy-albuixech, ' +
        '@Jeremy-Boyle, @jonas-budde, @khuedoan, @leonardocaylent, @mfreeman451, @mloiseleur, @omerap12, @onedr0p, @ProbstenHias, ' +
        '@PseudoResonance, Raffaele Di Fazio, @Raffo, @rhjensen79, @SimonKienzler, @stefanlasiewski, @stevehipwell, @szuecs, @userbradley, @yurrriq',
    );
    expect(body).toContain('* Add `dnsendpoint` CRD to Helm chart by @onedr0p in https://github.com/kubernetes-sigs/external-dns/pull/4322');
    // omerap12's second PR (#4432) is in the release too; only the first counts as their first contribution.
    expect(body).toContain('* @omerap12 made their first contribution in https://github.com/kubernetes-sigs/external-dns/pull/4405');
    expect(body).not.toContain('made their first contribution in https://github.com/kubernetes-sigs/external-dns/pull/4432');
    expect(body.match(/made their first contribution/g)).toHaveLength(19);
    // 190 commits: one unpaginated compare answers them all (GitHub's limit there is 250)
    expect(t.github.requestsTo('GET', /\/compare\/v0\.14\.1\.\.\.v0\.14\.2$/).map((r) => r.query.get('page'))).toEqual([null]);
  });

  it('does nothing on a redelivery or a re-run; keeps a later edit by a person when the block changes', async () => {
    const patches = () => patchesTo(t, release.id).length;
    const before = patches();
    expect(before).toBe(1);

    // Same delivery again (GitHub's "Redeliver"): the endpoint recognises it.
    const again = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'external-dns', release), { delivery: 'edns-1' });
    expect(again.status).toBe(200);
    // A new delivery for the same release (a re-run): nothing changed, so no edit and no announcement.
    const rerun = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'external-dns', release), { delivery: 'edns-2' });
    expect(rerun.status).toBe(202);
    await t.drain();
    expect(patches()).toBe(1);
    expect(t.slack.messagesTo('C0RELEASES')).toHaveLength(1);

    // A maintainer rewrites the intro and, by accident, a line inside the block.
    const edited = release.body!.replace('See the upgrade notes.', 'See the **upgrade notes** — thanks all!').replace('Thank you to the 27 people', 'Thanks to the 27 people');
    release.body = edited;
    const third = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'external-dns', release), { delivery: 'edns-3' });
    expect(third.status).toBe(202);
    await t.drain();
    expect(patches()).toBe(2);
    expect(release.body!.startsWith('ExternalDNS v0.14.2\n\nSee the **upgrade notes** — thanks all!\n\n<!-- podbot:credits:start -->')).toBe(true);
    expect(release.body).toContain('Thank you to the 27 people');
    expect(t.slack.messagesTo('C0RELEASES')).toHaveLength(1);
  });

  it('retries GitHub 5xx and 429 during the gather and still writes the credits', async () => {
    const r = installRepoHistory(t.github, { ...historyFromFixture(externalDns), repo: 'external-dns-retry' });
    r.addRelease({ tag_name: 'v0.14.1', published_at: '2024-03-18T12:00:00Z', created_at: '2024-03-18T12:00:00Z' });
    const target = r.addRelease({ tag_name: 'v0.14.2', published_at: '2024-05-16T12:00:00Z', created_at: '2024-05-16T12:00:00Z', body: 'Notes' });
    t.github.failNext('POST /graphql', 1, { status: 502 });
    t.github.failNext(/^GET \/repos\/kubernetes-sigs\/external-dns-retry\/compare\//, 1, { status: 429, retryAfter: 1 });
    const res = await t.webhook('release', aReleaseEvent('published', 'kubernetes-sigs', 'external-dns-retry', target));
    expect(res.status).toBe(202);
    await t.drain();
    expect(target.body).toContain('Thank you to the 27 people');
  });

  it('answers 500 when GitHub keeps failing, so the delivery can be redelivered, and succeeds on redelivery', async () => {
    const r = installRepoHistory(t.github, { ...historyFromFixture(externalDns), repo: 'external-dns-down' });
    r.addRelease({ tag_name: 'v0.14.1', published_at: '2024-03-18T12:00:00Z', created_at: '2024-03-18T12:00:00Z' });
    const target = r.addRelease({ tag_name: 'v0.14.2', published_at: '2024-05-16T12:00:00Z', created_at: '2024-05-16T12:00:00Z', body: 'Notes' });
    // The API client tries 4 times (1 + 3 retries); GitHub fails all of them.
    t.github.failNext('GET /repos/kubernetes-sigs/external-dns-down/releases', 4, { status: 503 });
    const payload = aReleaseEvent('published', 'kubernetes-sigs', 'external-dns-down', target);
    const failed = await t.webhook('release', payload, { delivery: 'edns-down-1' });
    expect(failed.status).toBe(500);
    expect(await t.db.prisma.webhookDelivery.count({ where: { id: 'edns-down-1' } })).toBe(0);
    expect(t.logs.some((l) => l.msg === 'github: webhook handler failed' && l.delivery === 'edns-down-1')).toBe(true);
    expect(target.body).toBe('Notes');

    expect(t.github.requestsTo('GET', /^\/repos\/kubernetes-sigs\/external-dns-down\/releases$/)).toHaveLength(4);
    const redelivered = await t.webhook('release', payload, { delivery: 'edns-down-1' });
    expect(redelivered.status).toBe(202);
    await t.drain();
    expect(target.body).toContain('Thank you to the 27 people');
  });
});
