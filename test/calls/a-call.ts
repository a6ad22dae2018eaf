import { callsSection, type CallConfig } from '../../src/calls/config';

/** A call as podbot.yml would give it (parsed by the real schema), with the fields a test changes. */
export function aCall(fields: Record<string, unknown> = {}): CallConfig {
  const [call] = callsSection.parse([
    {
      slug: 'community-call',
      name: 'Community call',
      channel: 'C0123456789',
      schedule: { every: 'week', weekday: 'wednesday' },
      time: '16:30',
      timezone: 'Europe/London',
      link: 'https://zoom.us/j/123',
      ...fields,
    },
  ]);
  return call;
}
