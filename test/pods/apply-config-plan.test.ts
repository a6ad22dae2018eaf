import { describe, expect, it } from 'vitest';
import type { PodConfig } from '../../src/pods/config';
import { applyConfigPlan, type StoredPod } from '../../src/pods/core/apply-config-plan';
import { aPod, members } from './builders';

function aConfig(overrides: Partial<PodConfig> = {}): PodConfig {
  return {
    name: 'docs',
    displayName: 'Docs',
    area: 'Everything about docs',
    labels: [],
    paths: [],
    capacity: 9,
    advocates: ['UADVOCATE1'],
    ...overrides,
  };
}

describe('applyConfigPlan', () => {
  it('creates pods that are new in config', () => {
    const cli = aConfig({ name: 'cli', displayName: 'CLI' });
    expect(applyConfigPlan([cli], [])).toEqual({ create: [cli], update: [], archive: [], unarchive: [] });
  });

  it('leaves an unchanged pod alone, even if labels are reordered', () => {
    const config = aConfig({ labels: ['a', 'b'] });
    const stored = aPod({ labels: ['b', 'a'] });
    expect(applyConfigPlan([config], [stored])).toEqual({ create: [], update: [], archive: [], unarchive: [] });
  });

  it('lists each changed field with its old and new value', () => {
    const config = aConfig({ area: 'Docs and website', capacity: 7, channel: 'C0DOCS', paths: ['docs/**'] });
    const stored = aPod({ area: 'Docs', capacity: 9, paths: [] });
    expect(applyConfigPlan([config], [stored]).update).toEqual([
      {
        name: 'docs',
        config,
        changes: [
          { field: 'area', from: 'Docs', to: 'Docs and website' },
          { field: 'paths', from: [], to: ['docs/**'] },
          { field: 'capacity', from: 9, to: 7 },
          { field: 'channel', from: undefined, to: 'C0DOCS' },
        ],
        addAdvocates: [],
        removeAdvocates: [],
        warnings: [],
      },
    ]);
  });

  it('archives pods removed from config instead of deleting them', () => {
    const plan = applyConfigPlan([aConfig()], [aPod(), aPod({ name: 'old' }), aPod({ name: 'older', archived: true })]);
    expect(plan.archive).toEqual(['old']);
  });

  it('keeps pods created with /pod create when they are not in config', () => {
    const created: StoredPod = { ...aPod({ name: 'adhoc' }), source: 'command' };
    expect(applyConfigPlan([], [created]).archive).toEqual([]);
  });

  it('unarchives a pod that is back in config', () => {
    const plan = applyConfigPlan([aConfig({ name: 'old', displayName: 'Old', area: 'Everything about old' })], [aPod({ name: 'old', archived: true })]);
    expect(plan.unarchive).toEqual(['old']);
    expect(plan.update).toEqual([]);
  });

  it('adds new config advocates and removes dropped ones, but keeps those added by command', () => {
    const stored: StoredPod = {
      ...aPod(),
      advocates: [{ slackId: 'UOLD' }, { slackId: 'UKEEP', source: 'command' }, { slackId: 'USTAY', source: 'config' }],
    };
    const [update] = applyConfigPlan([aConfig({ advocates: ['USTAY', 'UNEW'] })], [stored]).update;
    expect(update.addAdvocates).toEqual(['UNEW']);
    expect(update.removeAdvocates).toEqual(['UOLD']);
  });

  it('warns when capacity drops below the current member count', () => {
    const stored = aPod({ capacity: 9, members: members(8, 'regular') });
    const [update] = applyConfigPlan([aConfig({ capacity: 7 })], [stored]).update;
    expect(update.warnings).toEqual([
      'pod "docs" has 8 members but capacity is now 7: nobody is removed, and it takes no one new until it is below capacity',
    ]);
  });
});
