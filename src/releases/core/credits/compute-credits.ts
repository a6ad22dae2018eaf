import picomatch from 'picomatch';
import { findCherryPickOrigin } from '../gather/find-cherry-pick-origin';
import { isBot } from '../../../kit/contributors/is-bot';
import { parseCoAuthors } from './parse-co-authors';
import type {
  Contributor,
  CreditedPr,
  CreditSection,
  Credits,
  GatheredPr,
  NewContributor,
  PodCredit,
  PodDefinition,
  ReleaseRef,
} from '../../types';

export interface CreditInput {
  release: ReleaseRef;
  /** The merged PRs of the release. */
  prs: readonly GatheredPr[];
  pods: readonly PodDefinition[];
  /** login → their first merged PR in the repository, for people whose first PR is in this release. */
  firstTimers: ReadonlyMap<string, number>;
  /** GitHub login (any case) → Slack user id, for contributors who linked their accounts. */
  linkedSlackIds: ReadonlyMap<string, string>;
  /** Extra bot logins from `releases.bots`. */
  bots?: readonly string[];
  /** Extra commit e-mail → login knowledge (e.g. from the ledger); PR commits with a known author add to it. */
  knownEmails?: ReadonlyMap<string, string>;
  /** Author of a cherry-picked original PR that is not itself in this release: PR number → login. */
  cherryPickAuthors?: ReadonlyMap<number, string>;
}

/** A person as found on one PR, before de-duplication. Lower rank wins the display spelling. */
interface Candidate {
  handle: string;
  isLogin: boolean;
  rank: number;
}

const RANK_AUTHOR = 0;
const RANK_CO_AUTHOR_LOGIN = 1;
const RANK_NAME = 2;

/**
 * Decides who is credited for a release and where: PR authors, co-authors and the original authors of
 * cherry-picks, without bots; grouped by the Pods whose labels or path globs match each PR (a PR may
 * appear under several pods), plus "everyone else" and the first-time contributors.
 */
export function computeCredits(input: CreditInput): Credits {
  const bots = input.bots ?? [];
  const knownEmails = collectKnownEmails(input.prs, input.knownEmails);
  const authorByNumber = new Map(input.prs.map((pr) => [pr.number, pr.authorLogin]));
  const slackIds = new Map([...input.linkedSlackIds].map(([login, id]) => [login.toLowerCase(), id]));
  const prs = [...input.prs].sort(byMergeOrder);
  const loginByName = collectLoginsByName(input.prs, knownEmails);

  const peopleByPr = new Map<number, Candidate[]>();
  for (const pr of prs) {
    const people: Candidate[] = [];
    if (pr.authorLogin) people.push({ handle: pr.authorLogin, isLogin: true, rank: RANK_AUTHOR });
    for (const commit of pr.commits) {
      for (const coAuthor of parseCoAuthors(commit.message, knownEmails)) {
        const login = coAuthor.login ?? loginByName.get(squashName(coAuthor.name));
        if (login) people.push({ handle: login, isLogin: true, rank: RANK_CO_AUTHOR_LOGIN });
        else if (coAuthor.name) people.push({ handle: coAuthor.name, isLogin: false, rank: RANK_NAME });
      }
    }
    const origin = findCherryPickOrigin(pr.body);
    if (origin) {
      const login = origin.login ?? authorByNumber.get(origin.prNumber) ?? input.cherryPickAuthors?.get(origin.prNumber);
      if (login) people.push({ handle: login, isLogin: true, rank: RANK_AUTHOR });
    }
    peopleByPr.set(
      pr.number,
      people.filter((p) => !(p.isLogin && isBot(p.handle, bots))),
    );
  }

  // One spelling per person across all sections: a PR author's own login beats a noreply local part.
  const canonical = new Map(dedupeAndSort([...peopleByPr.values()].flat()).map((c) => [c.handle.toLowerCase(), c]));
  const toContributors = (list: readonly GatheredPr[]): Contributor[] =>
    dedupeAndSort(list.flatMap((pr) => peopleByPr.get(pr.number) ?? []))
      .map((c) => canonical.get(c.handle.toLowerCase()) ?? c)
      .map((c) => ({
      handle: c.handle,
      isLogin: c.isLogin,
      slackId: c.isLogin ? (slackIds.get(c.handle.toLowerCase()) ?? null) : null,
    }));
  const section = (list: readonly GatheredPr[]): CreditSection => ({
    pullRequests: list.map(toCreditedPr),
    contributors: toContributors(list),
  });

  const loginBySlackId = new Map([...input.linkedSlackIds].map(([login, id]) => [id, login]));
  const matchedNumbers = new Set<number>();
  const pods: PodCredit[] = [];
  for (const pod of input.pods) {
    const matches = podMatcher(pod);
    const podPrs = prs.filter(matches);
    if (podPrs.length === 0) continue;
    for (const pr of podPrs) matchedNumbers.add(pr.number);
    pods.push({
      name: pod.name,
      displayName: pod.displayName,
      advocates: pod.advocates.map((a) => ({
        slackId: a.slackId,
        githubLogin: a.githubLogin ?? loginBySlackId.get(a.slackId) ?? null,
      })),
      ...section(podPrs),
    });
  }

  return {
    release: input.release,
    contributors: toContributors(prs),
    pods,
    everyoneElse: section(prs.filter((pr) => !matchedNumbers.has(pr.number))),
    newContributors: findNewContributors(prs, input.firstTimers, slackIds, bots),
    pullRequestCount: prs.length,
  };
}

function findNewContributors(
  prs: readonly GatheredPr[],
  firstTimers: ReadonlyMap<string, number>,
  slackIds: ReadonlyMap<string, string>,
  bots: readonly string[],
): NewContributor[] {
  const firstPr = new Map([...firstTimers].map(([login, pr]) => [login.toLowerCase(), pr]));
  const result: NewContributor[] = [];
  const seen = new Set<string>();
  for (const pr of prs) {
    const login = pr.authorLogin;
    if (!login || isBot(login, bots)) continue;
    const key = login.toLowerCase();
    if (seen.has(key) || firstPr.get(key) !== pr.number) continue;
    seen.add(key);
    result.push({ login, slackId: slackIds.get(key) ?? null, prNumber: pr.number, prUrl: pr.url });
  }
  return result.sort((a, b) => a.prNumber - b.prNumber);
}

function podMatcher(pod: PodDefinition): (pr: GatheredPr) => boolean {
  // GitHub label names are unique case-insensitively, so `Area/Docs` and `area/docs` are one label.
  const labels = new Set(pod.labels.map((l) => l.toLowerCase()));
  const pathMatches = pod.paths.length > 0 ? picomatch(pod.paths, { dot: true }) : () => false;
  return (pr) => pr.labels.some((l) => labels.has(l.toLowerCase())) || pr.files.some((f) => pathMatches(f));
}

/** Commit authors GitHub matched to a user tell us which login a co-author e-mail belongs to. */
function collectKnownEmails(prs: readonly GatheredPr[], extra?: ReadonlyMap<string, string>): Map<string, string> {
  const known = new Map<string, string>();
  for (const pr of prs) {
    for (const c of pr.commits) {
      if (c.authorEmail && c.authorLogin) known.set(c.authorEmail.toLowerCase(), c.authorLogin);
    }
  }
  for (const [email, login] of extra ?? []) known.set(email.toLowerCase(), login);
  return known;
}

/**
 * Logins of people already known in this release, by their squashed form: a trailer written with a full name
 * that is the login with spaces ("Akihiro Suda" for `AkihiroSuda`, "Steve Hipwell" for `stevehipwell`) names
 * the same person, so they are credited once, by login. Anything looser would risk crediting a stranger.
 */
function collectLoginsByName(prs: readonly GatheredPr[], knownEmails: ReadonlyMap<string, string>): Map<string, string> {
  const byName = new Map<string, string>();
  const add = (login: string | null) => {
    if (login && !login.endsWith('[bot]')) byName.set(login.toLowerCase(), login);
  };
  for (const pr of prs) {
    add(pr.authorLogin);
    for (const c of pr.commits) add(c.authorLogin);
  }
  for (const login of knownEmails.values()) add(login);
  return byName;
}

function squashName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

function dedupeAndSort(candidates: readonly Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.handle.toLowerCase();
    const existing = byKey.get(key);
    if (!existing || c.rank < existing.rank) byKey.set(key, c);
  }
  return [...byKey.values()].sort((a, b) => compareCaseInsensitive(a.handle, b.handle));
}

/** Case-insensitive, locale-independent order, so the output is the same on every machine. */
export function compareCaseInsensitive(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function toCreditedPr(pr: GatheredPr): CreditedPr {
  return { number: pr.number, title: pr.title, url: pr.url, authorLogin: pr.authorLogin };
}

function byMergeOrder(a: GatheredPr, b: GatheredPr): number {
  const byDate = (a.mergedAt ?? '').localeCompare(b.mergedAt ?? '');
  return byDate !== 0 ? byDate : a.number - b.number;
}
