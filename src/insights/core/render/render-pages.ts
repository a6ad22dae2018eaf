import { formatDay, periodQuery, type Period } from '../period';
import type { CallSummary, FirstTimer, HealthMetrics, MonthlyTrend, PodFill, PodLink, PodMember, WaitingItem } from '../types';
import { chart, escapeHtml, figure, formatNumber, formatPercent, layout, periodForm } from './html';

const DAY_MS = 86_400_000;

function periodParts(period: Period): { from: string; to: string; query: string } {
  return { from: formatDay(period.from), to: formatDay(new Date(period.to.getTime() - DAY_MS)), query: periodQuery(period) };
}

function headline(health: HealthMetrics): string {
  const ttfr = health.timeToFirstResponse;
  return `<dl class="figures">
${figure('newContributors', 'New contributors', String(health.newContributors))}
${figure('retentionRatio', 'Newcomer retention (90 days)', formatPercent(health.retentionRatio), `${health.retained} of ${health.retentionEligible} first-timers came back`)}
${figure('timeToFirstResponse.all.medianHours', 'Time to first response, median', formatNumber(ttfr.all.medianHours, ' h'), `p90 ${formatNumber(ttfr.all.p90Hours, ' h')}; ${ttfr.all.answered} of ${ttfr.all.items} answered`)}
${figure('timeToFirstResponse.firstTimers.medianHours', 'First-timers: time to first response, median', formatNumber(ttfr.firstTimers.medianHours, ' h'), `p90 ${formatNumber(ttfr.firstTimers.p90Hours, ' h')}`)}
${figure('activeContributors', 'Active contributors', String(health.activeContributors))}
${figure('inactiveContributors', 'Inactive contributors', String(health.inactiveContributors), 'active in the year before, not in this period')}
${figure('absenceFactor', 'Contributor absence factor', String(health.absenceFactor), 'fewest people behind half of the pull requests')}
${figure('closureRatio', 'Change request closure ratio', formatPercent(health.closureRatio), `${health.closed} closed (${health.merged} merged) / ${health.opened} opened`)}
${figure('reviewsPerReviewer', 'Reviews per reviewer', formatNumber(health.reviewsPerReviewer), `${health.reviews} reviews by ${health.reviewers} people`)}
</dl>`;
}

function reviewersTable(health: HealthMetrics): string {
  if (health.topReviewers.length === 0) return '<p>No reviews recorded in this period.</p>';
  return `<table><thead><tr><th scope="col">Reviewer</th><th scope="col">Reviews</th></tr></thead><tbody>
${health.topReviewers.map((r) => `<tr><td>${escapeHtml(r.login)}</td><td>${r.reviews}</td></tr>`).join('\n')}
</tbody></table>`;
}

/** How many first-timers the overview lists; the CSV export has them all. */
export const OVERVIEW_FIRST_TIMERS = 50;

export interface OverviewView {
  period: Period;
  health: HealthMetrics;
  trend: MonthlyTrend[];
  pods: PodFill[];
  /** The period's latest first-timers (up to OVERVIEW_FIRST_TIMERS), oldest first; the page lists them newest first. */
  firstTimers: FirstTimer[];
  /** All of the period's first-timers. */
  firstTimerCount: number;
}

export function renderOverviewPage(view: OverviewView): string {
  const { from, to, query } = periodParts(view.period);
  const months = view.trend.map((t) => t.month);
  const body = `${periodForm('/dashboard', from, to)}
<p>Pull requests opened from ${escapeHtml(from)} to ${escapeHtml(to)}, bots excluded. Definitions: CHAOSS metrics, see the docs.</p>
${headline(view.health)}
<h2>Trends</h2>
${chart('chart-new-contributors', 'New contributors per month', { kind: 'bar', labels: months, unit: 'people', series: [{ label: 'New contributors', data: view.trend.map((t) => t.newContributors) }] })}
${chart('chart-retention', 'Newcomer retention by first month', { kind: 'line', labels: months, unit: '%', series: [{ label: 'Retained within 90 days', data: view.trend.map((t) => (t.retentionRatio === null ? null : Math.round(t.retentionRatio * 100))) }] })}
${chart('chart-response', 'Time to first response, median', { kind: 'line', labels: months, unit: 'hours', series: [{ label: 'Median', data: view.trend.map((t) => t.medianResponseHours) }] })}
<h2>Pods</h2>
<table data-table="pods"><thead><tr><th scope="col">Pod</th><th scope="col">Members / capacity</th><th scope="col">Fill</th><th scope="col">Advocates</th><th scope="col">Answered by an advocate</th><th scope="col">Advocate median response</th></tr></thead><tbody>
${view.pods.map((p) => `<tr><td><a href="/dashboard/pods/${encodeURIComponent(p.name)}?${escapeHtml(query)}">${escapeHtml(p.displayName)}</a></td><td>${p.members} / ${p.capacity}</td><td>${formatPercent(p.fillRatio)}</td><td>${p.advocates}</td><td>${p.advocateAnswered}</td><td>${formatNumber(p.advocateMedianHours, ' h')}</td></tr>`).join('\n')}
</tbody></table>
<h2>Who reviews</h2>
${reviewersTable(view.health)}
<h2>First-timers (${view.firstTimerCount})</h2>
<p><a href="/dashboard/export/first-timers.csv?${escapeHtml(query)}">Download first-timers (CSV)</a> · <a href="/dashboard/export/pods.csv?${escapeHtml(query)}">Download per-pod metrics (CSV)</a></p>
<table data-table="first-timers"><thead><tr><th scope="col">Login</th><th scope="col">First pull request</th><th scope="col">Date</th><th scope="col">Pods</th></tr></thead><tbody>
${view.firstTimers
  .slice(-OVERVIEW_FIRST_TIMERS)
  .reverse()
  .map((f) => `<tr><td>${escapeHtml(f.login)}</td><td>${escapeHtml(f.repo)}#${f.number}</td><td>${f.openedAt.slice(0, 10)}</td><td>${escapeHtml(f.pods.join(', ') || '—')}</td></tr>`)
  .join('\n')}
</tbody></table>
${view.firstTimerCount > view.firstTimers.length ? `<p>The ${view.firstTimers.length} most recent; the CSV has them all.</p>` : ''}`;
  return layout({ title: 'Community overview', current: 'overview', query, body, pods: view.pods });
}

export interface PodView {
  period: Period;
  pod: PodFill;
  health: HealthMetrics;
  trend: MonthlyTrend[];
  members: PodMember[];
  waiting: WaitingItem[];
  /** Every active pod, for the navigation. */
  pods: PodLink[];
}

export function renderPodPage(view: PodView): string {
  const { from, to, query } = periodParts(view.period);
  const months = view.trend.map((t) => t.month);
  const p = view.pod;
  const body = `${periodForm(`/dashboard/pods/${encodeURIComponent(p.name)}`, from, to)}
<dl class="figures">
${figure('fill', 'Members / capacity', `${p.members} / ${p.capacity}`, formatPercent(p.fillRatio))}
${figure('advocateMedianHours', 'Advocate response, median', formatNumber(p.advocateMedianHours, ' h'), `${p.advocateAnswered} pull requests answered by an advocate`)}
</dl>
${headline(view.health)}
${chart('chart-activity', 'Activity per month', { kind: 'bar', labels: months, unit: 'count', series: [{ label: 'Pull requests opened', data: view.trend.map((t) => t.opened) }, { label: 'New contributors', data: view.trend.map((t) => t.newContributors) }] })}
<h2>Members (${view.members.length})</h2>
<table data-table="members"><thead><tr><th scope="col">Member</th><th scope="col">GitHub</th><th scope="col">Level</th><th scope="col">Joined</th></tr></thead><tbody>
${view.members.map((m) => `<tr><td>${escapeHtml(m.displayName ?? m.slackUserId)}</td><td>${escapeHtml(m.githubLogin ?? '—')}</td><td>${escapeHtml(m.level)}</td><td>${m.joinedAt.slice(0, 10)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Waiting for a first response (${view.waiting.length})</h2>
${
  view.waiting.length === 0
    ? '<p>Nothing is waiting.</p>'
    : `<table data-table="waiting"><thead><tr><th scope="col">Item</th><th scope="col">Kind</th><th scope="col">Author</th><th scope="col">Waiting</th></tr></thead><tbody>
${view.waiting.map((w) => `<tr><td><a href="https://github.com/${escapeHtml(w.repo)}/${w.kind === 'pr' ? 'pull' : 'issues'}/${w.number}">${escapeHtml(w.repo)}#${w.number}</a></td><td>${w.kind === 'pr' ? 'pull request' : 'issue'}</td><td>${escapeHtml(w.authorLogin)}</td><td>${w.waitingDays} days</td></tr>`).join('\n')}
</tbody></table>`
}
<h2>Who reviews</h2>
${reviewersTable(view.health)}`;
  return layout({ title: `Pod: ${p.displayName}`, current: 'pods', query, body, pods: view.pods });
}

export function renderCallsPage(view: { period: Period; calls: CallSummary[]; pods: PodLink[] }): string {
  const { from, to, query } = periodParts(view.period);
  const sections = view.calls.length
    ? view.calls
        .map(
          (call) => `<h2>${escapeHtml(call.name)}</h2>
<dl class="figures" data-call="${escapeHtml(call.slug)}">
${figure(`calls.${call.slug}.held`, 'Held', String(call.held))}
${figure(`calls.${call.slug}.skipped`, 'Skipped', String(call.skipped))}
${figure(`calls.${call.slug}.rsvpsGoing`, 'RSVPs “going”', String(call.rsvpsGoing))}
${figure(`calls.${call.slug}.agendaItemsPerCall`, 'Agenda items per call', formatNumber(call.agendaItemsPerCall))}
</dl>
${chart(`chart-attendance-${call.slug}`, `${call.name}: attendance`, {
  kind: 'line',
  labels: call.occurrences.map((o) => o.localDate),
  unit: 'people',
  series: [
    { label: 'Going', data: call.occurrences.map((o) => o.going) },
    { label: 'Maybe', data: call.occurrences.map((o) => o.maybe) },
    { label: 'Agenda items', data: call.occurrences.map((o) => o.agendaItems) },
  ],
})}`,
        )
        .join('\n')
    : '<p>No calls are configured in podbot.yml.</p>';
  return layout({ title: 'Community calls', current: 'calls', query, body: `${periodForm('/dashboard/calls', from, to)}\n${sections}`, pods: view.pods });
}

export function renderSignInPage(message?: string): string {
  const body = `${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/dashboard/sign-in" class="sign-in">
<label>API token <input type="password" name="token" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<p>Or open a link from <code>/pod dashboard-link</code> in Slack.</p>`;
  return layout({ title: 'Sign in', current: 'sign-in', query: '', body });
}
