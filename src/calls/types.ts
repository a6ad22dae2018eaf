
export type { CallConfig, CallSchedule } from './config';

/** One occurrence of a call. */
export interface Occurrence {
  callSlug: string;
  /**
   * Ordinal counted from the series origin (`start`, or 1970-01-01 when there is none). Themes and
   * hosts rotate by it, so it never changes when other occurrences are skipped or listed from a
   * different date.
   */
  index: number;
  /** Local date in the call's time zone, e.g. 2026-11-25. Skips are stated by this date. */
  localDate: string;
  /** Start instant (UTC). */
  start: Date;
  /** Start + durationMinutes, as elapsed time. */
  end: Date;
  /** `<slug>/<start in UTC, ISO 8601 without milliseconds>`, see make-occurrence-key.ts. */
  key: string;
}

/** A skip or unskip stored in the database (from Slack); it wins over podbot.yml for its date. */
export interface SkipOverride {
  callSlug: string;
  localDate: string;
  /** false records an `unskip`, which can also undo a skip listed in podbot.yml. */
  skipped: boolean;
  reason?: string;
}

/** A skip in effect for one date after podbot.yml and the database are combined. */
export interface ResolvedSkip {
  reason?: string;
  source: 'config' | 'slack';
}

/** An occurrence with everything messages and the API show about it. */
export interface DescribedOccurrence extends Occurrence {
  theme?: string;
  /** Slack user id. */
  host?: string;
  skipped: boolean;
  skipReason?: string;
}

/** `reminder:<offset>` (e.g. `reminder:24h`), `round-robin` or `follow-up`. */
export type ReminderKind = `reminder:${string}` | 'round-robin' | 'follow-up';

export interface DueReminder {
  /** `<occurrence key>/<kind>`: the row to claim so it is sent once. */
  claimKey: string;
  occurrence: Occurrence;
  kind: ReminderKind;
  /** When it was meant to go out. */
  dueAt: Date;
  /** `send`: post it now. `missed`: record the claim and log it, but do not post. */
  action: 'send' | 'missed';
  /** Why a reminder is `missed`: the call already started, or a later reminder replaces it. */
  missedBecause?: 'started' | 'superseded' | 'ended';
}

export interface DueReminderState {
  /** Skip and unskip rows from the database; podbot.yml skips are read from the calls. */
  skipOverrides: readonly SkipOverride[];
  /** Claim keys already recorded (sent or logged as missed). */
  claimed: ReadonlySet<string>;
}

export interface RsvpCounts {
  going: number;
  maybe: number;
  no: number;
}

/** What chat.postMessage / chat.update / respond need: the kit's message type. */
export type { SlackMessage } from '../kit/slack/blocks';

/** A parsed `/community-call [slug] <subcommand> …`. `slug` is set only when the user typed one. */
export type CallCommand =
  | { kind: 'next'; slug?: string }
  | { kind: 'schedule'; slug?: string }
  | { kind: 'agenda'; slug?: string; topic: string }
  | { kind: 'skip'; slug?: string; date: string; reason?: string }
  | { kind: 'unskip'; slug?: string; date: string }
  | { kind: 'notes'; slug?: string; url: string }
  | { kind: 'recording'; slug?: string; url: string }
  | { kind: 'help'; slug?: string }
  | { kind: 'invalid'; message: string };
