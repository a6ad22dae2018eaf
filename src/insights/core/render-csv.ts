import type { FirstTimer, PodMetrics } from './types';

/** RFC 4180 fields; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula (OWASP CSV injection). */
function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export function renderFirstTimersCsv(firstTimers: readonly FirstTimer[]): string {
  return csv(
    ['login', 'repo', 'first_pr', 'first_pr_url', 'date', 'pods'],
    firstTimers.map((f) => [f.login, f.repo, f.number, `https://github.com/${f.repo}/pull/${f.number}`, f.openedAt.slice(0, 10), f.pods.join(' ')]),
  );
}

export function renderPodMetricsCsv(pods: readonly PodMetrics[]): string {
  return csv(
    [
      'pod', 'members', 'capacity', 'fill_ratio', 'new_contributors', 'retention_ratio', 'active_contributors', 'inactive_contributors',
      'absence_factor', 'prs_opened', 'prs_merged', 'prs_closed', 'closure_ratio', 'ttfr_median_hours', 'ttfr_p90_hours', 'ttfr_first_timers_median_hours',
      'reviews', 'reviewers', 'advocate_answered', 'advocate_median_hours',
    ],
    pods.map((p) => [
      p.name, p.members, p.capacity, p.fillRatio, p.health.newContributors, round(p.health.retentionRatio), p.health.activeContributors,
      p.health.inactiveContributors, p.health.absenceFactor, p.health.opened, p.health.merged, p.health.closed, round(p.health.closureRatio),
      p.health.timeToFirstResponse.all.medianHours, p.health.timeToFirstResponse.all.p90Hours, p.health.timeToFirstResponse.firstTimers.medianHours,
      p.health.reviews, p.health.reviewers, p.advocateAnswered, p.advocateMedianHours,
    ]),
  );
}

export const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);
