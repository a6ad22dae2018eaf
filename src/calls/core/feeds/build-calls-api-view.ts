import type { CallConfig, DescribedOccurrence, RsvpCounts } from '../../types';

/** GET /api/calls, one entry per configured call. Absent values are `null` so the shape never varies. */
export interface CallsApiView {
  calls: {
    slug: string;
    name: string;
    timezone: string;
    channel: string;
    next: {
      /** ISO 8601, UTC. */
      start: string;
      end: string;
      theme: string | null;
      /** Slack user id. */
      host: string | null;
      skipped: boolean;
      reason: string | null;
      agenda: string[];
      rsvps: RsvpCounts;
    }[];
  }[];
}

export interface CallsApiInput {
  call: CallConfig;
  upcoming: readonly DescribedOccurrence[];
  /** Agenda topics by occurrence key, in the order they were added. */
  agenda: ReadonlyMap<string, readonly string[]>;
  rsvps: ReadonlyMap<string, RsvpCounts>;
}

export function buildCallsApiView(inputs: readonly CallsApiInput[]): CallsApiView {
  return {
    calls: inputs.map(({ call, upcoming, agenda, rsvps }) => ({
      slug: call.slug,
      name: call.name,
      timezone: call.timezone,
      channel: call.channel,
      next: upcoming.map((occurrence) => ({
        start: occurrence.start.toISOString(),
        end: occurrence.end.toISOString(),
        theme: occurrence.theme ?? null,
        host: occurrence.host ?? null,
        skipped: occurrence.skipped,
        reason: occurrence.skipReason ?? null,
        agenda: [...(agenda.get(occurrence.key) ?? [])],
        rsvps: rsvps.get(occurrence.key) ?? { going: 0, maybe: 0, no: 0 },
      })),
    })),
  };
}
