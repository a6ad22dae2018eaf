// The ledger bench/insights.ts measures against: 5 years of history for a 2,000-contributor community, generated
// deterministically. Contribution counts follow a long tail (a few people open most pull requests, as in real
// projects); half as many issues as pull requests; 80 % of items get responses (one to three, the first within 72 h,
// half of them reviews on pull requests); 10 pods of 9 members, a seventh of the items mentioned to a pod.
import type { PrismaClient } from '../src/generated/prisma/client';

export const CONTRIBUTORS = 2_000;
export const YEARS = 5;
export const PODS = 10;
const ADVOCATE_LOGINS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11];

export interface SeededLedger {
  pullRequests: number;
  issues: number;
  responses: number;
}

export async function seedInsightsLedger(db: PrismaClient, now: Date): Promise<SeededLedger> {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const start = now.getTime() - YEARS * 365 * 86_400_000;
  const span = now.getTime() - start;
  const entries: { repo: string; number: number; kind: string; authorLogin: string; authorLoginLower: string; association: string; openedAt: Date; merged: boolean; mergedAt: Date | null }[] = [];
  const responses: { repo: string; number: number; responderLogin: string; responderLoginLower: string; kind: string; respondedAt: Date; githubId: string }[] = [];
  let number = 0;
  let pullRequests = 0;
  let issues = 0;
  for (let c = 0; c < CONTRIBUTORS; c++) {
    const login = `person-${c}`;
    const prs = Math.max(1, Math.round(400 / (c + 1) ** 0.8 + random() * 3));
    const items = prs + Math.round(prs / 2);
    const first = start + random() * span;
    for (let k = 0; k < items; k++) {
      const kind = k < prs ? 'pr' : 'issue';
      const opened = new Date(first + random() * (now.getTime() - first));
      number++;
      if (kind === 'pr') pullRequests++;
      else issues++;
      const merged = kind === 'pr' && random() < 0.7;
      entries.push({ repo: 'acme/widgets', number, kind, authorLogin: login, authorLoginLower: login, association: 'CONTRIBUTOR', openedAt: opened, merged, mergedAt: merged ? new Date(opened.getTime() + 86_400_000) : null });
      if (random() < 0.8) {
        let at = opened.getTime() + random() * 72 * 3_600_000;
        const count = 1 + Math.floor(random() * 3);
        for (let r = 0; r < count; r++) {
          const responder = `person-${Math.floor(random() * 40)}`;
          const responseKind = kind === 'pr' && random() < 0.5 ? 'review' : 'comment';
          responses.push({ repo: 'acme/widgets', number, responderLogin: responder, responderLoginLower: responder, kind: responseKind, respondedAt: new Date(at), githubId: `r${number}-${r}` });
          at += random() * 48 * 3_600_000;
        }
      }
    }
  }
  for (let i = 0; i < entries.length; i += 5_000) await db.ledgerEntry.createMany({ data: entries.slice(i, i + 5_000) });
  for (let i = 0; i < responses.length; i += 5_000) await db.itemResponse.createMany({ data: responses.slice(i, i + 5_000) });
  for (let i = 0; i < PODS; i++) {
    const pod = await db.pod.findUniqueOrThrow({ where: { name: `pod-${i}` } });
    for (let m = 0; m < 9; m++) {
      const c = i * 9 + m;
      const contributor = await db.contributor.create({ data: { slackUserId: `UMEMBER${c}`, githubLogin: `person-${c * 7}`, githubLoginLower: `person-${c * 7}` } });
      await db.membership.create({ data: { podId: pod.id, contributorId: contributor.id } });
    }
    // Each pod's advocate answers on GitHub as one of the responders (none of them a member: logins are unique).
    const advocate = `person-${ADVOCATE_LOGINS[i]}`;
    await db.contributor.create({ data: { slackUserId: `UADV${i}`, githubLogin: advocate, githubLoginLower: advocate } });
  }
  await db.podMention.createMany({ data: entries.filter((_, i) => i % 7 === 0).map((e, i) => ({ repo: e.repo, number: e.number, podName: `pod-${i % PODS}` })) });
  await db.$executeRawUnsafe('ANALYZE');
  return { pullRequests, issues, responses: responses.length };
}

/** The pods the ledger's memberships and advocates belong to, as podbot.yml would declare them. */
export function benchPods(): { name: string; area: string; advocates: string[]; capacity: number }[] {
  return Array.from({ length: PODS }, (_, i) => ({ name: `pod-${i}`, area: `Area ${i}`, advocates: [`UADV${i}`], capacity: 9 }));
}
