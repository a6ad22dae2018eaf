/** What the metric queries return, as plain data. Every number is computed in SQL. */

export interface ResponseTimes {
  /** Pull requests opened in the period. */
  items: number;
  /** Of those, how many have a recorded response by someone other than the author (bots excluded). */
  answered: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface HealthMetrics {
  newContributors: number;
  /** First-timers of the period whose 90-day window has closed. */
  retentionEligible: number;
  /** Of those, how many opened a second pull request within 90 days of the first. */
  retained: number;
  retentionRatio: number | null;
  timeToFirstResponse: { all: ResponseTimes; firstTimers: ResponseTimes };
  activeContributors: number;
  /** Contributed in the 12 months before the period, not in it. */
  inactiveContributors: number;
  /** The fewest authors who opened half of the period's pull requests (CHAOSS contributor absence factor). */
  absenceFactor: number;
  opened: number;
  merged: number;
  /** Pull requests closed in the period, merged or not (whenever they were opened). */
  closed: number;
  /** Pull requests closed in the period divided by those opened in it (CHAOSS change request closure ratio). */
  closureRatio: number | null;
  reviews: number;
  reviewers: number;
  reviewsPerReviewer: number | null;
  topReviewers: { login: string; reviews: number }[];
}

export interface MonthlyTrend {
  month: string;
  newContributors: number;
  /** Pull requests opened (the activity chart). */
  opened: number;
  retentionEligible: number;
  retained: number;
  retentionRatio: number | null;
  medianResponseHours: number | null;
}

/** What the navigation needs of a pod. */
export interface PodLink {
  name: string;
  displayName: string;
}

export interface PodFill {
  name: string;
  displayName: string;
  members: number;
  capacity: number;
  fillRatio: number;
  advocates: number;
  /** The pod's pull requests in the period answered first by one of its advocates. */
  advocateAnswered: number;
  advocateMedianHours: number | null;
}

export interface PodMetrics extends PodFill {
  health: HealthMetrics;
}

export interface FirstTimer {
  login: string;
  repo: string;
  number: number;
  openedAt: string;
  /** Pods the first PR was mentioned to, or the author is a member of. */
  pods: string[];
}

export interface PodMember {
  slackUserId: string;
  displayName: string | null;
  githubLogin: string | null;
  level: string;
  joinedAt: string;
}

export interface WaitingItem {
  repo: string;
  number: number;
  kind: string;
  authorLogin: string;
  openedAt: string;
  waitingDays: number;
}

export interface CallOccurrenceRow {
  callSlug: string;
  occurrenceStart: string;
  going: number;
  maybe: number;
  no: number;
  agendaItems: number;
}

export interface CallSummary {
  slug: string;
  name: string;
  held: number;
  skipped: number;
  rsvpsGoing: number;
  agendaItemsPerCall: number | null;
  occurrences: (CallOccurrenceRow & { localDate: string })[];
}
