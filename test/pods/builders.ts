import type { PodAdvocate, PodMember, PodView } from '../../src/pods/core/types';

let memberCount = 0;

/** A member; ids count up so members differ unless a test names them. Joined 2025-01-01 by default. */
export function aMember(overrides: Partial<PodMember> = {}): PodMember {
  memberCount += 1;
  return {
    slackId: `UMEMBER${memberCount}`,
    level: 'regular',
    joinedAt: new Date('2025-01-01T12:00:00Z'),
    ...overrides,
  };
}

/** `count` members at one level. */
export function members(count: number, level: PodMember['level']): PodMember[] {
  return Array.from({ length: count }, () => aMember({ level }));
}

export function anAdvocate(overrides: Partial<PodAdvocate> = {}): PodAdvocate {
  return { slackId: 'UADVOCATE1', ...overrides };
}

/** A live `docs` pod with capacity 9, one advocate and no members, unless overridden. */
export function aPod(overrides: Partial<PodView> = {}): PodView {
  const name = overrides.name ?? 'docs';
  return {
    name,
    displayName: name[0].toUpperCase() + name.slice(1),
    area: `Everything about ${name}`,
    labels: [],
    paths: [],
    capacity: 9,
    archived: false,
    advocates: [anAdvocate()],
    members: [],
    ...overrides,
  };
}
