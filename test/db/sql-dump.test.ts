// What podbot db import accepts as a dump (src/db/sql-dump.ts), on the shapes pg_dump writes: the psql fence of
// pg_dump 17.6 and later, COPY blocks of a dump made without --inserts, and a preamble setting an older server lacks.
import { describe, expect, it } from 'vitest';
import { DumpError, readDump, withoutUnknownSettings } from '../../src/db/sql-dump';

const dump = (body: string, { fence = '' } = {}) =>
  `--\n-- PostgreSQL database dump\n--\n\n${fence ? `\\restrict ${fence}\n\n` : ''}-- Dumped from database version 17.5\n\n` +
  `SET statement_timeout = 0;\nSET transaction_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\nSET row_security = off;\n\n` +
  `CREATE TABLE public._prisma_migrations (\n    id character varying(36) NOT NULL\n);\n\n${body}` +
  `--\n-- PostgreSQL database dump complete\n--\n\n${fence ? `\\unrestrict ${fence}\n\n` : ''}`;

describe('readDump', () => {
  it('returns a plain dump unchanged', () => {
    const text = dump(`INSERT INTO public._prisma_migrations VALUES ('a');\n\n`);
    expect(readDump(text, 'podbot.sql')).toBe(text);
  });

  it("blanks pg_dump's \\restrict fence (psql only) and keeps every other line where it was", () => {
    const text = dump(`INSERT INTO public._prisma_migrations VALUES ('\\restrict abc');\n\n`, { fence: 'Xk29fQ' });
    const sql = readDump(text, 'podbot.sql');
    expect(sql).not.toMatch(/^\\(un)?restrict Xk29fQ$/m);
    expect(sql.split('\n')).toHaveLength(text.split('\n').length);
    expect(sql).toContain("VALUES ('\\restrict abc')"); // data that merely looks like it stays
  });

  it.each([
    ['PGDMP\u0001\u000e', /is a pg_dump archive \(--format=custom\)/],
    ['CREATE TABLE x (id int);\n', /is not a plain-SQL dump/],
    [dump('').replace('-- PostgreSQL database dump complete', ''), /is cut short/],
    [dump('').replace('_prisma_migrations', 'notes'), /creates no _prisma_migrations table/],
    [dump('COPY public."Pod" (id, name) FROM stdin;\n1\tdocs\n\\.\n\n'), /loads rows with COPY … FROM stdin, which only psql can run/],
  ])('refuses %j', (text, reason) => {
    expect(() => readDump(text, 'podbot.sql')).toThrow(DumpError);
    expect(() => readDump(text, 'podbot.sql')).toThrow(reason);
  });
});

describe('withoutUnknownSettings', () => {
  it('comments out the preamble settings the server lacks, and nothing after the preamble', () => {
    const text = dump(`INSERT INTO public._prisma_migrations VALUES ('x');\nSET transaction_timeout = 0;\n`);
    const { sql, skipped } = withoutUnknownSettings(text, new Set(['statement_timeout', 'row_security']));
    expect(skipped).toEqual(['transaction_timeout']);
    expect(sql).toContain('-- SET transaction_timeout = 0; (skipped: this server has no such setting)\n');
    expect(sql).toContain('SET statement_timeout = 0;\n');
    expect(sql).toMatch(/VALUES \('x'\);\nSET transaction_timeout = 0;\n/);
    expect(sql.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('changes nothing on a server that knows every setting', () => {
    const text = dump('');
    expect(withoutUnknownSettings(text, new Set(['statement_timeout', 'transaction_timeout', 'row_security']))).toEqual({ sql: text, skipped: [] });
  });
});
