import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { monthsOf, type Period } from '../core/period';
import type { HealthMetrics, MonthlyTrend, ResponseTimes } from '../core/types';
import { at, EVERYONE, hours, hoursBetween, isHuman, num, periodPullRequests, ratio, scopedEntries, type Scopes, within } from './sql-parts';

type Db = Pick<PrismaClient, '$queryRaw'>;

export interface HealthQuery {
  period: Period;
  /** A pod's name, or null for the whole community. */
  pod: string | null;
  bots: readonly string[];
  now: Date;
}

interface ScopesQuery {
  period: Period;
  scopes: Scopes;
  bots: readonly string[];
  now: Date;
  /** Whether to compute the monthly trend too (pages with charts); the CSV and Slack show none. */
  trend: boolean;
}

/** CHAOSS newcomer retention window. */
const RETENTION_DAYS = 90;
/** How far back an inactive contributor's last contribution may lie. */
const INACTIVE_LOOKBACK_DAYS = 365;
const TOP_REVIEWERS = 10;

interface AggregateRow {
  scope: string;
  month: string | null;
  opened: unknown;
  new_contributors: unknown;
  eligible: unknown;
  retained: unknown;
  answered: unknown;
  median: unknown;
  p90: unknown;
  ft_answered: unknown;
  ft_median: unknown;
  ft_p90: unknown;
}

/**
 * The pull requests opened in the period (per scope, bots excluded), each with whether it is its author's first in the
 * whole ledger, its first response by someone else, and (for a first-timer whose 90 days are over) whether a second
 * pull request followed. Aggregated per scope, and per scope and month for the trend (which needs only counts and the
 * median), in one statement.
 *
 * Firsts and second pull requests are read from LedgerAuthor (kept as the ledger is written), and first responses
 * come from one grouped join, instead of look-ups or a ranking of every author's history per pull request.
 */
function periodAggregates(db: Db, q: ScopesQuery): Promise<AggregateRow[]> {
  const responder = isHuman(Prisma.sql`r."responderLoginLower"`, q.bots);
  // Everyone's figures are one group: grouping by a scope column would sort every row first (percentile_cont
  // cannot hash), and the planner no longer sees through the CTEs that the column holds one value.
  const everyone = q.scopes === null;
  const scope = everyone ? Prisma.raw(`'${EVERYONE}'::text`) : Prisma.sql`t.scope`;
  const trend = q.trend
    ? Prisma.sql`
    UNION ALL
    SELECT ${scope}, to_char(date_trunc('month', t."openedAt"), 'YYYY-MM'),
      count(*), count(*) FILTER (WHERE t.first), count(t.retained), count(*) FILTER (WHERE t.retained),
      NULL, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours), NULL, NULL, NULL, NULL
    FROM t
    GROUP BY ${everyone ? Prisma.empty : Prisma.sql`t.scope, `}date_trunc('month', t."openedAt")`
    : Prisma.empty;
  return db.$queryRaw<AggregateRow[]>`
    WITH prs AS MATERIALIZED (${periodPullRequests(q.scopes, q)}), responded AS (
      SELECT e.id, min(r."respondedAt") AS at
      FROM prs e JOIN "ItemResponse" r ON r.repo = e.repo AND r.number = e.number
      WHERE r."responderLoginLower" <> e."authorLoginLower" AND ${responder}
      GROUP BY e.id
    ), t AS MATERIALIZED (
      SELECT e.scope, e."openedAt", coalesce(a."firstPrId" = e.id, FALSE) AS first,
        ${hoursBetween(Prisma.sql`e."openedAt"`, Prisma.sql`f.at`)} AS hours,
        CASE WHEN a."firstPrId" = e.id AND e."openedAt" + make_interval(days => ${RETENTION_DAYS}) <= ${at(q.now)}
          THEN coalesce(a."secondPrOpenedAt" <= e."openedAt" + make_interval(days => ${RETENTION_DAYS}), FALSE)
        END AS retained
      FROM prs e
      LEFT JOIN "LedgerAuthor" a ON a."authorLoginLower" = e."authorLoginLower"
      LEFT JOIN responded f ON f.id = e.id
    )
    SELECT ${scope} AS scope, NULL AS month,
      count(*) AS opened,
      count(*) FILTER (WHERE t.first) AS new_contributors,
      count(t.retained) AS eligible,
      count(*) FILTER (WHERE t.retained) AS retained,
      count(t.hours) AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) AS p90,
      count(t.hours) FILTER (WHERE t.first) AS ft_answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) FILTER (WHERE t.first) AS ft_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) FILTER (WHERE t.first) AS ft_p90
    FROM t
    ${everyone ? Prisma.empty : Prisma.sql`GROUP BY t.scope`}${trend}`;
}

interface ContributorsRow {
  scope: string;
  active: unknown;
  inactive: unknown;
  absence: unknown;
  merged: unknown;
  closed: unknown;
}

/**
 * Per scope: active contributors (a pull request in the period), inactive ones (one in the 12 months before, none in
 * it), the absence factor (the fewest authors whose pull requests make up at least half of the period's) and the
 * pull requests merged and closed (merged or not) in the period, from one pass over each author's pull requests of
 * those 12 + n months. A merged entry without a close time (recorded before the ledger kept one) closed when it merged.
 */
function contributors(db: Db, q: ScopesQuery): Promise<ContributorsRow[]> {
  const lookback = { from: new Date(q.period.from.getTime() - INACTIVE_LOOKBACK_DAYS * 86_400_000), to: q.period.from };
  const opened = Prisma.sql`e."openedAt" >= ${at(lookback.from)} AND e."openedAt" < ${at(q.period.to)}`;
  const merged = Prisma.sql`e.merged AND ${within(Prisma.sql`e."mergedAt"`, q.period)}`;
  const closed = within(Prisma.sql`coalesce(e."closedAt", e."mergedAt")`, q.period);
  return db.$queryRaw`
    WITH prs AS (
      ${scopedEntries(q.scopes, Prisma.sql`e.kind = 'pr' AND ${isHuman(Prisma.sql`e."authorLoginLower"`, q.bots)} AND ((${opened}) OR (${merged}) OR (${closed}))`)}
    ), authors AS (
      SELECT e.scope, e."authorLoginLower" AS login,
        count(*) FILTER (WHERE ${within(Prisma.sql`e."openedAt"`, q.period)}) AS n,
        count(*) FILTER (WHERE ${within(Prisma.sql`e."openedAt"`, lookback)}) AS before,
        count(*) FILTER (WHERE ${merged}) AS merged,
        count(*) FILTER (WHERE ${closed}) AS closed
      FROM prs e
      GROUP BY e.scope, e."authorLoginLower"
    ), ranked AS (
      SELECT scope, row_number() OVER w AS rn, sum(n) OVER (w ROWS UNBOUNDED PRECEDING) AS cumulative, sum(n) OVER (PARTITION BY scope) AS total
      FROM authors
      WHERE n > 0
      WINDOW w AS (PARTITION BY scope ORDER BY n DESC, login)
    ), absence AS (
      SELECT scope, min(rn) FILTER (WHERE cumulative * 2 >= total) AS absence FROM ranked GROUP BY scope
    )
    SELECT a.scope,
      count(*) FILTER (WHERE a.n > 0) AS active,
      count(*) FILTER (WHERE a.n = 0 AND a.before > 0) AS inactive,
      sum(a.merged) AS merged,
      sum(a.closed) AS closed,
      min(b.absence) AS absence
    FROM authors a LEFT JOIN absence b ON b.scope = a.scope
    GROUP BY a.scope`;
}

interface ReviewerRow {
  scope: string;
  login: string;
  n: unknown;
  reviewers: unknown;
  total: unknown;
}

/** Per scope: reviews in the period on its items (whenever they were opened), by how many people, and the busiest reviewers. */
function reviewLoad(db: Db, q: ScopesQuery): Promise<ReviewerRow[]> {
  const review = Prisma.sql`r.kind = 'review' AND ${within(Prisma.sql`r."respondedAt"`, q.period)} AND ${isHuman(Prisma.sql`r."responderLoginLower"`, q.bots)}`;
  return db.$queryRaw`
    WITH items AS (${scopedEntries(q.scopes, Prisma.sql`TRUE`)}), per AS (
      SELECT i.scope, min(r."responderLogin") AS login, count(*) AS n
      FROM items i JOIN "ItemResponse" r ON r.repo = i.repo AND r.number = i.number
      WHERE ${review}
      GROUP BY i.scope, r."responderLoginLower"
    ), ranked AS (
      SELECT scope, login, n, row_number() OVER (PARTITION BY scope ORDER BY n DESC, login) AS rn,
        count(*) OVER (PARTITION BY scope) AS reviewers, sum(n) OVER (PARTITION BY scope) AS total
      FROM per
    )
    SELECT scope, login, n, reviewers, total FROM ranked WHERE rn <= ${TOP_REVIEWERS} ORDER BY scope, rn`;
}

function responseTimes(items: number, answered: unknown, median: unknown, p90: unknown): ResponseTimes {
  return { items, answered: num(answered), medianHours: hours(median), p90Hours: hours(p90) };
}

function healthOf(overall: AggregateRow | undefined, people: ContributorsRow | undefined, reviewers: ReviewerRow[]): HealthMetrics {
  const opened = num(overall?.opened);
  const newContributors = num(overall?.new_contributors);
  const eligible = num(overall?.eligible);
  const retained = num(overall?.retained);
  const merged = num(people?.merged);
  const closed = num(people?.closed);
  const reviews = num(reviewers[0]?.total);
  const reviewerCount = num(reviewers[0]?.reviewers);
  return {
    newContributors,
    retentionEligible: eligible,
    retained,
    retentionRatio: ratio(retained, eligible),
    timeToFirstResponse: {
      all: responseTimes(opened, overall?.answered, overall?.median, overall?.p90),
      firstTimers: responseTimes(newContributors, overall?.ft_answered, overall?.ft_median, overall?.ft_p90),
    },
    activeContributors: num(people?.active),
    inactiveContributors: num(people?.inactive),
    absenceFactor: num(people?.absence),
    opened,
    merged,
    closed,
    closureRatio: ratio(closed, opened),
    reviews,
    reviewers: reviewerCount,
    reviewsPerReviewer: reviewerCount === 0 ? null : Math.round((reviews / reviewerCount) * 10) / 10,
    topReviewers: reviewers.map((row) => ({ login: row.login, reviews: num(row.n) })),
  };
}

function trendOf(period: Period, rows: AggregateRow[]): MonthlyTrend[] {
  const byMonth = new Map(rows.map((row) => [row.month as string, row]));
  return monthsOf(period).map((month): MonthlyTrend => {
    const row = byMonth.get(month);
    const monthEligible = num(row?.eligible);
    const monthRetained = num(row?.retained);
    return {
      month,
      newContributors: num(row?.new_contributors),
      opened: num(row?.opened),
      retentionEligible: monthEligible,
      retained: monthRetained,
      retentionRatio: ratio(monthRetained, monthEligible),
      medianResponseHours: hours(row?.median),
    };
  });
}

/** Health metrics (and, if asked, the monthly trend) of each scope, keyed by scope name ('' for everyone). */
async function queryScopes(db: Db, q: ScopesQuery): Promise<Map<string, { health: HealthMetrics; trend: MonthlyTrend[] }>> {
  const names = q.scopes ?? [EVERYONE];
  const result = new Map<string, { health: HealthMetrics; trend: MonthlyTrend[] }>();
  if (names.length === 0) return result;
  const aggregates = await periodAggregates(db, q);
  const people = await contributors(db, q);
  const reviewers = await reviewLoad(db, q);
  for (const name of names) {
    const rows = aggregates.filter((row) => row.scope === name);
    result.set(name, {
      health: healthOf(
        rows.find((row) => row.month === null),
        people.find((row) => row.scope === name),
        reviewers.filter((row) => row.scope === name),
      ),
      trend: q.trend ? trendOf(q.period, rows.filter((row) => row.month !== null)) : [],
    });
  }
  return result;
}

/** The health metrics of a scope (a pod or everyone) over a period, and their monthly trend. */
export async function queryHealth(db: Db, q: HealthQuery & { trend?: boolean }): Promise<{ health: HealthMetrics; trend: MonthlyTrend[] }> {
  const scopes = await queryScopes(db, { period: q.period, scopes: q.pod === null ? null : [q.pod], bots: q.bots, now: q.now, trend: q.trend ?? true });
  return scopes.get(q.pod ?? EVERYONE)!;
}

/** The health metrics of each of these pods over a period (no trend), from one statement per metric for all of them. */
export async function queryPodsHealth(db: Db, q: { period: Period; pods: readonly string[]; bots: readonly string[]; now: Date }): Promise<Map<string, HealthMetrics>> {
  const scopes = await queryScopes(db, { period: q.period, scopes: q.pods, bots: q.bots, now: q.now, trend: false });
  return new Map([...scopes].map(([name, { health }]) => [name, health]));
}
