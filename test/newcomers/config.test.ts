import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCommunityConfig } from '../../src/app/community-config';

const root = join(import.meta.dirname, '..', '..');

describe('welcome.firstResponse in podbot.yml', () => {
  it('defaults to two working days, first-timers only, UTC, weekends off', () => {
    expect(parseCommunityConfig('{}').welcome.firstResponse).toEqual({
      enabled: true,
      watch: 'first-timers',
      within: { text: '2 working days', amount: 2, unit: 'working-days' },
      timezone: 'UTC',
      weekend: ['saturday', 'sunday'],
      repositories: [],
      lookbackDays: 30,
    });
  });

  it('reports every bad value with its path and what is expected', () => {
    const yaml = 'welcome:\n  firstResponse:\n    within: soon\n    timezone: Mars/Olympus\n    weekend: [funday]\n    repositories: [widgets]\n    watch: some\n';
    expect(() => parseCommunityConfig(yaml)).toThrow(
      [
        'welcome.firstResponse.watch: expected first-timers or everyone',
        'welcome.firstResponse.within: expected a duration such as "2 working days", "3 days" or "36 hours"',
        'welcome.firstResponse.timezone: expected an IANA time zone such as Europe/Berlin or UTC',
        'welcome.firstResponse.weekend[0]: expected a weekday: sunday, monday, tuesday, wednesday, thursday, friday, saturday',
        'welcome.firstResponse.repositories[0]: expected owner/name',
      ].join('\n  - '),
    );
    expect(() => parseCommunityConfig('welcome: { firstResponse: { weekend: [sunday, monday, tuesday, wednesday, thursday, friday, saturday] } }')).toThrow(
      'welcome.firstResponse.weekend: at least one day of the week must be a working day',
    );
  });

  it('docs/newcomers.md and podbot.example.yml document every option, and both are valid', () => {
    const doc = readFileSync(join(root, 'docs/newcomers.md'), 'utf8');
    const block = /## podbot\.yml\n\n```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const documented = parseCommunityConfig(block!).welcome.firstResponse;
    const keys = Object.keys(parseCommunityConfig('{}').welcome.firstResponse).sort();
    expect(Object.keys(parse(block!).welcome.firstResponse).sort()).toEqual(keys);
    expect(documented.within.unit).toBe('working-days');
    const example = readFileSync(join(root, 'podbot.example.yml'), 'utf8');
    expect(Object.keys(parse(example).welcome.firstResponse).sort()).toEqual(keys);
    expect(parseCommunityConfig(example).welcome.firstResponse.timezone).toBe('Europe/London');
  });
});
