import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCommunityConfig } from '../../src/app/community-config';
import { workingWeekOf } from '../../src/newcomers/working-week';

const root = join(import.meta.dirname, '..', '..');

describe('welcome.firstResponse in podbot.yml', () => {
  it('defaults to two working days, first-timers only, UTC, weekends off', () => {
    expect(parseCommunityConfig('{}').welcome.firstResponse).toEqual({
      enabled: true,
      watch: 'first-timers',
      within: { text: '2 working days', amount: 2, unit: 'working-days' },
      weekend: ['saturday', 'sunday'],
      repositories: [],
      lookbackDays: 30,
    });
  });

  it('reports every bad value with its path and what is expected', () => {
    const yaml = 'welcome:\n  firstResponse:\n    within: soon\n    timezone: Mars/Olympus\n    weekend: [funday]\n    repositories: [widgets]\n    watch: some\n    lookbackDays: 0\n    withn: 3 days\n';
    expect(() => parseCommunityConfig(yaml)).toThrow(
      [
        'welcome.firstResponse.watch: expected first-timers or everyone',
        'welcome.firstResponse.within: expected a duration such as "2 working days", "3 days" or "36 hours"',
        'welcome.firstResponse.timezone: expected an IANA time zone such as Europe/Berlin or UTC',
        'welcome.firstResponse.weekend[0]: expected a weekday: sunday, monday, tuesday, wednesday, thursday, friday, saturday',
        'welcome.firstResponse.repositories[0]: expected owner/name',
        'welcome.firstResponse.lookbackDays: expected a number of days from 1 to 365',
      ].join('\n  - '),
    );
    expect(() => parseCommunityConfig(yaml)).toThrow('unknown key "withn" (did you mean "within"?)');
    expect(() => parseCommunityConfig('welcome: { firstResponse: { weekend: [sunday, monday, tuesday, wednesday, thursday, friday, saturday] } }')).toThrow(
      'welcome.firstResponse.weekend: at least one day of the week must be a working day',
    );
  });

  it("counts in the community's time zone (care.timeZone) unless firstResponse names its own", () => {
    expect(workingWeekOf(parseCommunityConfig('{}'))).toEqual({ timezone: 'UTC', weekend: ['saturday', 'sunday'] });
    expect(workingWeekOf(parseCommunityConfig('care: { timeZone: Asia/Tokyo }')).timezone).toBe('Asia/Tokyo');
    expect(workingWeekOf(parseCommunityConfig('care: { timeZone: Asia/Tokyo }\nwelcome: { firstResponse: { timezone: Europe/Berlin, weekend: [friday] } }'))).toEqual({
      timezone: 'Europe/Berlin',
      weekend: ['friday'],
    });
  });

  it('docs/newcomers.md and podbot.example.yml document every option, and both are valid', () => {
    const doc = readFileSync(join(root, 'docs/newcomers.md'), 'utf8');
    const block = /## podbot\.yml\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const documented = parseCommunityConfig(block!).welcome.firstResponse;
    // Every option: those with a default, and the optional time zone.
    const keys = [...Object.keys(parseCommunityConfig('{}').welcome.firstResponse), 'timezone'].sort();
    expect(Object.keys(parse(block!).welcome.firstResponse).sort()).toEqual(keys);
    expect(documented.within.unit).toBe('working-days');
    const example = readFileSync(join(root, 'podbot.example.yml'), 'utf8');
    // The example leaves the time zone to care.timeZone, and shows it commented out.
    expect(Object.keys(parse(example).welcome.firstResponse).sort()).toEqual(keys.filter((key) => key !== 'timezone'));
    expect(example).toMatch(/^ {4}# timezone: /m);
    expect(workingWeekOf(parseCommunityConfig(example)).timezone).toBe('Europe/Berlin');
  });
});
