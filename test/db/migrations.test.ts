import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../support/database';

describe('database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db?.destroy());

  it('re-applying migrations to a migrated database applies nothing', async () => {
    expect(await db.migrate()).toEqual([]);
  });

  it('keeps one open membership per pod and person', async () => {
    const pod = await db.prisma.pod.create({ data: { name: 'docs', displayName: 'Docs', labels: [], paths: [] } });
    const person = await db.prisma.contributor.create({ data: { slackUserId: 'U0001' } });
    await db.prisma.membership.create({ data: { podId: pod.id, contributorId: person.id } });
    await expect(db.prisma.membership.create({ data: { podId: pod.id, contributorId: person.id } })).rejects.toThrow();
    await db.prisma.membership.updateMany({ where: { podId: pod.id }, data: { leftAt: new Date() } });
    await expect(db.prisma.membership.create({ data: { podId: pod.id, contributorId: person.id } })).resolves.toMatchObject({ podId: pod.id });
  });
});
