// Plain-SQL dumps of a podbot database (podbot db export writes them, podbot db import reads them): what makes a
// file one we can load, and the settings in its preamble that an older server does not know. Pure functions over
// the text; the I/O is in export-embedded-database.ts and import-database.ts.

/** A file podbot db import will not load, with what to do instead. */
export class DumpError extends Error {
  override name = 'DumpError';
}

const HEADER = /^--\r?\n-- PostgreSQL database dump\r?\n/;
const TRAILER = /^-- PostgreSQL database dump complete\r?$/m;
const HISTORY_TABLE = /^CREATE TABLE public\."?_prisma_migrations"? \(/m;
// Plain dumps by pg_dump 17.6 and later open with `\restrict <key>` and close with `\unrestrict <key>` (psql commands
// that fence off psql's own backslash commands, CVE-2025-8714). Nothing here runs backslash commands, so the two
// lines are blanked (keeping line numbers for error messages); any other is left for the server to refuse.
const RESTRICT = /^\\restrict ([A-Za-z0-9]+)\r?$/m;

/**
 * Returns the SQL of `text` ready to execute, or throws DumpError saying why the file is not a whole plain-SQL
 * dump of a podbot database (schema, data and `_prisma_migrations`, as podbot db export writes).
 */
export function readDump(text: string, file: string): string {
  if (text.startsWith('PGDMP')) {
    throw new DumpError(`${file} is a pg_dump archive (--format=custom); podbot db import reads plain SQL: convert it with pg_restore -f podbot.sql ${file}`);
  }
  if (!HEADER.test(text)) throw new DumpError(`${file} is not a plain-SQL dump written by podbot db export or pg_dump (it lacks the "PostgreSQL database dump" header)`);
  if (!TRAILER.test(text)) throw new DumpError(`${file} is cut short (it lacks the "PostgreSQL database dump complete" line that ends a dump): export it again`);
  if (!HISTORY_TABLE.test(text)) {
    throw new DumpError(`${file} creates no _prisma_migrations table, so it is not a dump of a whole podbot database (schema and data, as podbot db export writes)`);
  }
  if (/^COPY public\.[^\n]* FROM stdin;\r?$/m.test(text)) {
    throw new DumpError(`${file} loads rows with COPY … FROM stdin, which only psql can run: dump with pg_dump --inserts, or load it with psql`);
  }
  return withoutRestrict(text);
}

function withoutRestrict(text: string): string {
  const restrict = RESTRICT.exec(text);
  const firstStatement = text.search(/^SET /m);
  if (!restrict || (firstStatement !== -1 && restrict.index > firstStatement)) return text;
  const fence = new Set([`\\restrict ${restrict[1]}`, `\\unrestrict ${restrict[1]}`]);
  return text
    .split('\n')
    .map((line) => (fence.has(line.replace(/\r$/, '')) ? '' : line))
    .join('\n');
}

/**
 * Drops the `SET name = …;` lines of the dump's preamble whose setting the server does not have: pg_dump writes
 * the settings of its own version (17 added transaction_timeout), and an older server refuses the unknown name.
 * They only reset timeouts and the like for the session. Only the preamble is touched, never the data.
 */
export function withoutUnknownSettings(sql: string, known: ReadonlySet<string>): { sql: string; skipped: string[] } {
  const lines = sql.split('\n');
  const skipped: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '' || line.startsWith('--') || line.startsWith('SELECT pg_catalog.set_config(')) continue;
    const setting = /^SET ([A-Za-z_.]+) = [^;]*;$/.exec(line);
    if (!setting) break; // the first object: the preamble is over
    if (!known.has(setting[1].toLowerCase())) {
      skipped.push(setting[1]);
      lines[i] = `-- ${line} (skipped: this server has no such setting)`;
    }
  }
  return { sql: lines.join('\n'), skipped };
}
