import type { ConfigPlan } from './apply-config-plan';

/** What applying podbot.yml would do, with the DMs archiving would send. */
export interface PodsConfigPreview {
  plan: ConfigPlan;
  /** Members told by DM that their pod was archived, per pod to archive. */
  archiveNotices: { pod: string; members: string[] }[];
}

const list = (items: readonly unknown[]) => (items.length ? items.map(String).join(', ') : 'none');
const show = (value: unknown) => (value === undefined || value === null ? '(none)' : Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value));

/** The dry run of the podbot.yml sync, for a person: one line per pod, then what would be sent. */
export function renderConfigPlan({ plan, archiveNotices }: PodsConfigPreview): string {
  const dms = archiveNotices.reduce((sum, notice) => sum + notice.members.length, 0);
  if (plan.create.length + plan.update.length + plan.archive.length + plan.unarchive.length === 0) {
    return 'Nothing to do: the pods in the database match podbot.yml.';
  }
  const lines = [
    `Applying podbot.yml would create ${plan.create.length}, change ${plan.update.length}, unarchive ${plan.unarchive.length} and archive ${plan.archive.length} pod(s), and send ${dms} DM(s).`,
  ];
  for (const pod of plan.create) {
    lines.push(`+ create ${pod.name} (${pod.displayName}): capacity ${pod.capacity}, advocates ${list(pod.advocates)}, labels ${list(pod.labels)}, paths ${list(pod.paths)}${pod.channel ? `, channel ${pod.channel}` : ''}`);
  }
  for (const name of plan.unarchive) lines.push(`↺ unarchive ${name}`);
  for (const update of plan.update) {
    const parts = update.changes.map((change) => `${change.field} ${show(change.from)} → ${show(change.to)}`);
    if (update.addAdvocates.length) parts.push(`add advocates ${list(update.addAdvocates)}`);
    if (update.removeAdvocates.length) parts.push(`remove advocates ${list(update.removeAdvocates)}`);
    lines.push(`~ change ${update.name}: ${parts.join('; ')}`);
    for (const warning of update.warnings) lines.push(`  ! ${warning}`);
  }
  for (const notice of archiveNotices) {
    lines.push(`- archive ${notice.pod}: ${notice.members.length ? `DM to ${notice.members.length} member(s): ${list(notice.members)}` : 'no members to tell'}`);
  }
  return lines.join('\n');
}
