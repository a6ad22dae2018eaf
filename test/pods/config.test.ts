import { describe, expect, it } from 'vitest';
import { podSettingsSection, podsSection } from '../../src/pods/config';

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('pods config', () => {
  it('defaults to no pods when the section is missing', () => {
    expect(podsSection.parse(undefined)).toEqual([]);
  });

  it('fills in display name, labels, paths and a capacity of 9', () => {
    expect(podsSection.parse([{ name: 'cli-tools', area: 'The command line', advocates: ['U012AB3CD'] }])).toEqual([
      {
        name: 'cli-tools',
        displayName: 'Cli Tools',
        area: 'The command line',
        labels: [],
        paths: [],
        capacity: 9,
        advocates: ['U012AB3CD'],
      },
    ]);
  });

  it('keeps a given display name and channel', () => {
    const [pod] = podsSection.parse([
      { name: 'docs', displayName: 'Docs & Website', area: 'Docs', advocates: ['W0ABC'], channel: 'C0DOCS', capacity: 7 },
    ]);
    expect(pod.displayName).toBe('Docs & Website');
    expect(pod.channel).toBe('C0DOCS');
    expect(pod.capacity).toBe(7);
  });

  it('reports every problem at once, each at its YAML path', () => {
    const result = podsSection.safeParse([
      { name: 'docs', area: 'Docs', advocates: ['U1AB'] },
      { name: 'docs', area: 'More docs', advocates: ['@bob'], channel: '#docs' },
      { name: 'Bad Name', area: '', advocates: [], capacity: 2.5 },
    ]);
    expect(messages(result)).toEqual([
      '1.advocates.0: advocates must be Slack user ids like "U012AB3CD" (not @names)',
      '1.channel: channel must be a Slack channel id like "C012AB3CD" (not #name)',
      '2.name: pod name must be lowercase kebab-case, like "docs" or "cli-tools"',
      '2.area: area must not be empty: describe what the pod looks after',
      '2.capacity: capacity must be a whole number',
      '2.advocates: a pod needs at least one advocate (a Slack user id like "U012AB3CD")',
      ': pod names must be unique; used more than once: "docs"',
    ]);
  });

  it('names the duplicate when two pods share a name', () => {
    const result = podsSection.safeParse([
      { name: 'cli', area: 'CLI', advocates: ['U1AB'] },
      { name: 'cli', area: 'CLI again', advocates: ['U1AB'] },
    ]);
    expect(messages(result)).toEqual([': pod names must be unique; used more than once: "cli"']);
  });

  it('refuses names that /join-pod reads as instructions', () => {
    const result = podsSection.safeParse([{ name: 'auto', area: 'x', advocates: ['U1AB'] }]);
    expect(messages(result)).toEqual([
      '0.name: pod name must not be one of "auto", "interests", "help": /join-pod reads those as instructions',
    ]);
  });
});

describe('podSettings config', () => {
  it('defaults to an ideal size of 7, one pod each, and mentions on', () => {
    expect(podSettingsSection.parse(undefined)).toEqual({
      idealSize: 7,
      maxPodsPerContributor: 1,
      mentions: { enabled: true, optOutLabel: 'podbot:no-mention' },
    });
  });

  it('fills in the opt-out label when only the switch is given', () => {
    expect(podSettingsSection.parse({ mentions: { enabled: false } }).mentions).toEqual({
      enabled: false,
      optOutLabel: 'podbot:no-mention',
    });
  });

  it('refuses a pod limit below one with a readable message', () => {
    const result = podSettingsSection.safeParse({ maxPodsPerContributor: 0 });
    expect(messages(result)).toEqual(['maxPodsPerContributor: maxPodsPerContributor must be at least 1']);
  });
});
