import type { PodView } from '../core/types';
import type { Source } from '../core/apply-config-plan';
import { ledgerSummaries, levelOf } from './contributors';
import type { Db } from './db';

/** A PodView plus what only the store needs: row id, who owns it, and where each advocate came from. */
export interface StoredPodView extends PodView {
  id: number;
  source: Source;
  advocates: (PodView['advocates'][number] & { source: Source })[];
}

interface PodRow {
  id: number;
  name: string;
  displayName: string;
  area: string;
  labels: string[];
  paths: string[];
  capacity: number;
  archived: boolean;
  channel: string | null;
  source: string;
  advocates: { slackId: string; source: string; githubLogin: string | null }[];
  members: { slackId: string; githubLogin: string | null; githubLoginLower: string | null; level: string; joinedAtMs: number }[];
}

/**
 * Every pod (archived ones too, unless `liveOnly`) with advocates and current members, ordered by
 * name. Advocates' GitHub logins come from their Contributor rows; members' levels from the ledger
 * when linked.
 *
 * One SQL statement (JSON-aggregated advocates and members), because this runs on every `/join-pod`:
 * each ORM query costs several milliseconds of CPU in the query engine, and on the embedded database
 * that CPU is the event loop's.
 */
export async function loadPodViews(db: Db, options: { liveOnly?: boolean } = {}): Promise<StoredPodView[]> {
  const liveOnly = options.liveOnly ?? false;
  const pods = await db.$queryRaw<PodRow[]>`
    SELECT p.id, p.name, p."displayName", p.area, to_json(p.labels) AS labels, to_json(p.paths) AS paths,
           p.capacity, p.archived, p.channel, p.source,
           COALESCE((
             SELECT json_agg(json_build_object('slackId', a."slackUserId", 'source', a.source, 'githubLogin', c."githubLogin")
                             ORDER BY a."createdAt", a."slackUserId")
             FROM "PodAdvocate" a LEFT JOIN "Contributor" c ON c."slackUserId" = a."slackUserId"
             WHERE a."podId" = p.id), '[]'::json) AS advocates,
           COALESCE((
             SELECT json_agg(json_build_object('slackId', c."slackUserId", 'githubLogin', c."githubLogin",
                                               'githubLoginLower', c."githubLoginLower", 'level', c.level,
                                               'joinedAtMs', floor(extract(epoch FROM m."joinedAt") * 1000))
                             ORDER BY m."joinedAt", m.id)
             FROM "Membership" m JOIN "Contributor" c ON c.id = m."contributorId"
             WHERE m."podId" = p.id AND m."leftAt" IS NULL), '[]'::json) AS members
    FROM "Pod" p
    WHERE ${liveOnly} = false OR p.archived = false
    ORDER BY p.name`;

  const linked = pods.flatMap((pod) => pod.members.map((member) => member.githubLoginLower)).filter((login): login is string => login !== null);
  const summaries = await ledgerSummaries(db, linked);

  return pods.map((pod) => ({
    id: pod.id,
    source: pod.source === 'command' ? 'command' : 'config',
    name: pod.name,
    displayName: pod.displayName,
    area: pod.area,
    labels: pod.labels,
    paths: pod.paths,
    capacity: pod.capacity,
    archived: pod.archived,
    ...(pod.channel ? { channel: pod.channel } : {}),
    advocates: pod.advocates.map((advocate) => ({
      slackId: advocate.slackId,
      source: advocate.source === 'command' ? 'command' : 'config',
      ...(advocate.githubLogin ? { githubLogin: advocate.githubLogin } : {}),
    })),
    members: pod.members.map((member) => ({
      slackId: member.slackId,
      ...(member.githubLogin ? { githubLogin: member.githubLogin } : {}),
      level: levelOf(member, summaries),
      joinedAt: new Date(Number(member.joinedAtMs)),
    })),
  }));
}
