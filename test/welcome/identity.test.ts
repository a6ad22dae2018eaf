import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('identity: /link-github and /unlink-github', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { admins: ['U0ADMIN'] } });
    t.github.addUser('Octocat');
    t.github.addUser('hubot');
    t.github.addUser('veteran');
    // veteran has five merged PRs in the ledger: a regular once linked.
    await t.db.prisma.ledgerEntry.createMany({
      data: [1, 2, 3, 4, 5].map((number) => ({
        repo: 'o/r',
        number,
        kind: 'pr',
        authorLogin: 'veteran',
        authorLoginLower: 'veteran',
        association: 'CONTRIBUTOR',
        openedAt: new Date('2025-01-01T00:00:00Z'),
        merged: true,
        mergedAt: new Date('2025-01-02T00:00:00Z'),
      })),
    });
  });
  afterAll(() => t?.stop());

  /** Runs a command that answers through response_url and returns that answer's text. */
  async function viaResponseUrl(command: string, text: string, user: string): Promise<string> {
    const before = t.slack.callsTo('response_url').length;
    const res = await t.command(command, text, user);
    expect(res.status).toBe(200);
    await until(() => t.slack.callsTo('response_url').length > before, `${command} ${text} reply`);
    return t.slack.callsTo('response_url').at(-1)!.args.text;
  }

  it('links a login after checking GitHub, using GitHub’s spelling, and derives the level from the ledger', async () => {
    expect(await viaResponseUrl('/link-github', 'octocat', 'U0ANN')).toBe(
      'Linked you to GitHub as *Octocat*. From your contributions we see you as a *newcomer*. `/unlink-github` undoes this.',
    );
    expect(t.github.requestsTo('GET', /^\/users\/octocat$/)).toHaveLength(1);
    expect(await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0ANN' } })).toMatchObject({
      githubLogin: 'Octocat',
      githubLoginLower: 'octocat',
      level: 'newcomer',
      levelSource: 'ledger',
    });
  });

  it('stores the level the ledger earns: five merged PRs make a regular', async () => {
    expect(await viaResponseUrl('/link-github', '@veteran', 'U0VET')).toBe(
      'Linked you to GitHub as *veteran*. From your contributions we see you as a *regular*. `/unlink-github` undoes this.',
    );
    expect(await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0VET' } })).toMatchObject({ level: 'regular', levelSource: 'ledger' });
  });

  it('tells the user when GitHub has no such login, and links nothing', async () => {
    expect(await viaResponseUrl('/link-github', 'no-such-person', 'U0BOB')).toBe(
      'GitHub has no user called *no-such-person*. Check the spelling (it is the name in your profile URL, github.com/<login>) and try again.',
    );
    expect(await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0BOB' } })).toBeNull();
  });

  it('refuses a login linked to someone else, and explains what to do', async () => {
    expect(await viaResponseUrl('/link-github', 'OCTOCAT', 'U0BOB')).toBe(
      '*Octocat* is already linked to <@U0ANN>, and a GitHub login can belong to one Slack account only. If that is a mistake, ask <@U0ANN> to run `/unlink-github`, or ask an admin.',
    );
    expect((await t.db.prisma.contributor.findUnique({ where: { githubLoginLower: 'octocat' } }))?.slackUserId).toBe('U0ANN');
  });

  it('shows the current link when called without a login', async () => {
    expect(await viaResponseUrl('/link-github', '', 'U0ANN')).toBe(
      'You are linked to GitHub as *Octocat* (https://github.com/Octocat). Your level is *newcomer*, from your contributions. `/unlink-github` removes the link.',
    );
    expect(await viaResponseUrl('/link-github', '', 'U0NOBODY')).toBe('Your Slack account is not linked to GitHub. Link it with `/link-github <your-login>`.');
  });

  it('answers mistyped input with the usage text', async () => {
    const text = await viaResponseUrl('/link-github', 'two words', 'U0ANN');
    expect(text.split('\n')[0]).toBe('Give one GitHub login.');
    expect(text).toContain('• `/link-github octocat`: link your GitHub login (we check it exists)');
    expect((await viaResponseUrl('/unlink-github', '@ann', 'U0ADMIN')).split('\n')[0]).toBe(
      'To unlink someone else, mention them: `/unlink-github @name` (pick the name from the autocomplete list).',
    );
  });

  it('refuses to let a non-admin unlink someone else', async () => {
    expect(await viaResponseUrl('/unlink-github', '<@U0ANN|ann>', 'U0BOB')).toBe(
      'Only admins can unlink someone else. To remove your own link, run `/unlink-github` without a name.',
    );
    expect((await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0ANN' } }))?.githubLogin).toBe('Octocat');
  });

  it('lets an admin unlink someone, after which the login can be linked by another person', async () => {
    expect(await viaResponseUrl('/unlink-github', '<@U0ANN|ann>', 'U0ADMIN')).toBe('Removed the link between <@U0ANN> and GitHub *Octocat*.');
    expect(await t.db.prisma.contributor.findUnique({ where: { slackUserId: 'U0ANN' } })).toMatchObject({ githubLogin: null, levelSource: 'self' });
    expect(await viaResponseUrl('/link-github', 'octocat', 'U0BOB')).toBe(
      'Linked you to GitHub as *Octocat*. From your contributions we see you as a *newcomer*. `/unlink-github` undoes this.',
    );
  });

  it('lets people unlink themselves, and says so when there was nothing to remove', async () => {
    expect(await viaResponseUrl('/unlink-github', '', 'U0BOB')).toBe('Removed your link to GitHub *Octocat*.');
    expect(await viaResponseUrl('/unlink-github', '', 'U0BOB')).toBe('You have no GitHub link; nothing to remove.');
  });

  it('switches a link to another login and says which one it replaced', async () => {
    await viaResponseUrl('/link-github', 'octocat', 'U0CAT');
    expect(await viaResponseUrl('/link-github', 'hubot', 'U0CAT')).toBe(
      'Linked you to GitHub as *hubot* (instead of *Octocat*). From your contributions we see you as a *newcomer*. `/unlink-github` undoes this.',
    );
  });
});

describe('identity: when something underneath fails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.github.addUser('Octocat');
  });
  afterAll(() => t?.stop());

  it('/link-github › apologises through response_url when the database fails', async () => {
    // The test's own database loses the table the command reads: every query on it fails for real.
    await t.db.prisma.$executeRawUnsafe('ALTER TABLE "Contributor" RENAME TO "ContributorAway"');
    try {
      const res = await t.command('/link-github', 'octocat', 'U0DBFAIL');
      expect(res.status).toBe(200);
      await until(() => t.slack.callsTo('response_url').length > 0, 'the apology');
      expect(t.slack.callsTo('response_url')[0]!.args).toMatchObject({
        response_type: 'ephemeral',
        text: 'Sorry, that did not work: podbot hit an error and has logged it. Please try again in a minute.',
      });
    } finally {
      await t.db.prisma.$executeRawUnsafe('ALTER TABLE "ContributorAway" RENAME TO "Contributor"');
    }
  });

  it('/link-github › logs a failed GitHub lookup with the error summarised, and says GitHub is unavailable', async () => {
    t.github.failNext('GET /users/octocat', 10, { status: 401, body: { message: 'Bad credentials' } });
    const before = t.slack.callsTo('response_url').length;
    await t.command('/link-github', 'octocat', 'U0GHFAIL');
    await until(() => t.slack.callsTo('response_url').length > before, 'the reply');
    expect(t.slack.callsTo('response_url').at(-1)!.args.text).toBe('I could not reach GitHub to check that login. Please try again in a minute.');
    const line = t.logs.find((entry) => entry.msg === 'identity: GitHub user lookup failed');
    expect(line).toBeDefined();
    expect(line!.login).toBe('octocat');
    expect(line!.err).toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
    expect(line!.err).not.toHaveProperty('0');
  });
});
