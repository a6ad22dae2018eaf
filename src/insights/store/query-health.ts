import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { monthsOf, type Period } from '../core/period';
import type { HealthMetrics, MonthlyTrend, ResponseTimes } from '../core/types';
import { at, hours, inScope, isHuman, num, periodPullRequests, ratio, within } from './sql-parts';

type Db = Pick<PrismaClient, '$queryRaw'>;

export interface HealthQuery {
  period: Period;
  /** A pod's name, or null for the whole community. */
  pod: string | null;
  bots: readonly string[];
  now: Date;
}

/** CHAOSS newcomer retention window. */
const RETENTION_DAYS = 90;
/** How far back an inactive contributor's last contribution may lie. */
const INACTIVE_LOOKBACK_DAYS = 365;
const TOP_REVIEWERS = 10;

interface AggregateRow {
  month: string | null;
  opened: unknown;
  new_contributors: unknown;
  active: unknown;
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
 * The pull requests opened in the period (in scope, bots excluded), each with whether it is its author's first in the
 * whole ledger, its first response by someone else, and (for a first-timer whose 90 days are over) whether a second
 * pull request followed. Aggregated once overall and once per month (GROUPING SETS), in one statement.
 *
 * Firsts and second pull requests come from one window pass (periodPullRequests) and first responses from one
 * grouped join, instead of three look-ups per pull request.
 */
function periodAggregates(db: Db, q: HealthQuery): Promise<AggregateRow[]> {
  const responder = isHuman(Prisma.sql`r."responderLoginLower"`, q.bots);
  return db.$queryRaw<AggregateRow[]>`
    WITH ${periodPullRequests(q)}, responded AS (
      SELECT e.id, min(r."respondedAt") AS at
      FROM period_prs e JOIN "ItemResponse" r ON r.repo = e.repo AND r.number = e.number
      WHERE r."responderLoginLower" <> e."authorLoginLower" AND ${responder}
      GROUP BY e.id
    ), t AS (
      SELECT e."authorLoginLower" AS login, e."openedAt", e.first,
        EXTRACT(EPOCH FROM (f.at - e."openedAt")) / 3600.0 AS hours,
        CASE WHEN e.first AND e."openedAt" + make_interval(days => ${RETENTION_DAYS}) <= ${at(q.now)}
          THEN coalesce(e."nextOpenedAt" <= e."openedAt" + make_interval(days => ${RETENTION_DAYS}), FALSE)
        END AS retained
      FROM period_prs e LEFT JOIN responded f ON f.id = e.id
    )
    SELECT to_char(date_trunc('month', t."openedAt"), 'YYYY-MM') AS month,
      count(*) AS opened,
      count(*) FILTER (WHERE t.first) AS new_contributors,
      count(DISTINCT t.login) AS active,
      count(t.retained) AS eligible,
      count(*) FILTER (WHERE t.retained) AS retained,
      count(t.hours) AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) AS p90,
      count(t.hours) FILTER (WHERE t.first) AS ft_answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours) FILTER (WHERE t.first) AS ft_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours) FILTER (WHERE t.first) AS ft_p90
    FROM t
    GROUP BY GROUPING SETS ((), (date_trunc('month', t."openedAt")))`;
}

function countInactive(db: Db, q: HealthQuery): Promise<{ n: unknown }[]> {
  const lookbackFrom = new Date(q.period.from.getTime() - INACTIVE_LOOKBACK_DAYS * 86_400_000);
  return db.$queryRaw`
    SELECT count(DISTINCT e."authorLoginLower") AS n FROM "LedgerEntry" e
    WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, { from: lookbackFrom, to: q.period.from })}
      AND ${isHuman(Prisma.sql`e."authorLoginLower"`, q.bots)} AND ${inScope('e', q.pod)}
      AND NOT EXISTS (
        SELECT 1 FROM "LedgerEntry" x
        WHERE x."authorLoginLower" = e."authorLoginLower" AND x.kind = 'pr'
          AND ${within(Prisma.sql`x."openedAt"`, q.period)} AND ${inScope('x', q.pod)})`;
}

/** The smallest number of authors whose pull requests make up at least half of the period's, and merges in the period. */
function absenceAndMerges(db: Db, q: HealthQuery): Promise<{ absence: unknown; merged: unknown }[]> {
  const human = isHuman(Prisma.sql`e."authorLoginLower"`, q.bots);
  return db.$queryRaw`
    WITH counts AS (
      SELECT e."authorLoginLower" AS login, count(*) AS n FROM "LedgerEntry" e
      WHERE e.kind = 'pr' AND ${within(Prisma.sql`e."openedAt"`, q.period)} AND ${human} AND ${inScope('e', q.pod)}
      GROUP BY e."authorLoginLower"
    ), ranked AS (
      SELECT row_number() OVER (ORDER BY n DESC, login) AS rn,
        sum(n) OVER (ORDER BY n DESC, login ROWS UNBOUNDED PRECEDING) AS cumulative,
        sum(n) OVER () AS total
      FROM counts
    )
    SELECT
      (SELECT coalesce(min(rn) FILTER (WHERE cumulative * 2 >= total), 0) FROM ranked) AS absence,
      (SELECT count(*) FROM "LedgerEntry" e
        WHERE e.kind = 'pr' AND e.merged AND ${within(Prisma.sql`e."mergedAt"`, q.period)} AND ${human} AND ${inScope('e', q.pod)}) AS merged`;
}

interface ReviewerRow {
  login: string;
  n: unknown;
  reviewers: unknown;
  total: unknown;
}

function reviewLoad(db: Db, q: HealthQuery): Promise<ReviewerRow[]> {
  return db.$queryRaw`
    WITH per AS (
      SELECT min(r."responderLogin") AS login, count(*) AS n FROM "ItemResponse" r
      JOIN "LedgerEntry" e ON e.repo = r.repo AND e.number = r.number
      WHERE r.kind = 'review' AND ${within(Prisma.sql`r."respondedAt"`, q.period)}
        AND ${isHuman(Prisma.sql`r."responderLoginLower"`, q.bots)} AND ${inScope('e', q.pod)}
      GROUP BY r."responderLoginLower"
    )
    SELECT login, n, count(*) OVER () AS reviewers, sum(n) OVER () AS total FROM per
    ORDER BY n DESC, login LIMIT ${TOP_REVIEWERS}`;
}

function responseTimes(items: number, answered: unknown, median: unknown, p90: unknown): ResponseTimes {
  return { items, answered: num(answered), medianHours: hours(median), p90Hours: hours(p90) };
}

/** The health metrics of a scope (a pod or everyone) over a period, and their monthly trend. */
export async function queryHealth(db: Db, q: HealthQuery): Promise<{ health: HealthMetrics; trend: MonthlyTrend[] }> {
  const aggregates = await periodAggregates(db, q);
  const [inactive] = await countInactive(db, q);
  const [absence] = await absenceAndMerges(db, q);
  const reviewers = await reviewLoad(db, q);

  const overall = aggregates.find((row) => row.month === null);
  const opened = num(overall?.opened);
  const newContributors = num(overall?.new_contributors);
  const eligible = num(overall?.eligible);
  const retained = num(overall?.retained);
  const merged = num(absence?.merged);
  const reviews = num(reviewers[0]?.total);
  const reviewerCount = num(reviewers[0]?.reviewers);
  const health: HealthMetrics = {
    newContributors,
    retentionEligible: eligible,
    retained,
    retentionRatio: ratio(retained, eligible),
    timeToFirstResponse: {
      all: responseTimes(opened, overall?.answered, overall?.median, overall?.p90),
      firstTimers: responseTimes(newContributors, overall?.ft_answered, overall?.ft_median, overall?.ft_p90),
    },
    activeContributors: num(overall?.active),
    inactiveContributors: num(inactive?.n),
    absenceFactor: num(absence?.absence),
    opened,
    merged,
    closureRatio: ratio(merged, opened),
    reviews,
    reviewers: reviewerCount,
    reviewsPerReviewer: reviewerCount === 0 ? null : Math.round((reviews / reviewerCount) * 10) / 10,
    topReviewers: reviewers.map((row) => ({ login: row.login, reviews: num(row.n) })),
  };

  const byMonth = new Map(aggregates.filter((row) => row.month !== null).map((row) => [row.month as string, row]));
  const trend = monthsOf(q.period).map((month): MonthlyTrend => {
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
  return { health, trend };
}
