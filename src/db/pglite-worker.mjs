// The embedded database's thread: owns the PGlite instance and answers the main thread's requests
// (src/db/pglite-thread.ts). PGlite runs each statement synchronously in WebAssembly; here that work no longer
// holds up the main thread's event loop, so HTTP requests are read and Slack is acked while the database works.
//
// Plain JavaScript on purpose: a worker thread is started by Node itself, without the TypeScript loader, both
// from the sources (tests, tsx) and from the bundle in dist/ (scripts/build.mjs copies this file there).
import { parentPort, workerData } from 'node:worker_threads';
import { messages, PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string; loadDataDir?: ArrayBuffer; startParams?: string[]; initialMemory?: number }} */
const options = workerData;
/** @type {PGlite} */
let pglite;
/** Open transactions by id: PGlite's transaction object, and how to end it. */
const transactions = new Map();
let nextTransaction = 1;

const identity = (text) => text;

/** A PGlite error as plain data, so the main thread can rebuild it with the same fields. */
function serialiseError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  // Only plain values: PGlite also attaches the query's options (parsers are functions, which cannot be sent).
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
  return { ...fields, message: error.message, name: error.name, stack: error.stack, databaseError: error instanceof messages.DatabaseError };
}

function reply(id, result) {
  try {
    parentPort.postMessage({ id, result });
  } catch (error) {
    fail(id, error); // a value that cannot be sent between threads
  }
}
function fail(id, error) {
  try {
    parentPort.postMessage({ id, error: serialiseError(error) });
  } catch {
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error) } });
  }
}

/** The connection a request runs on: an open transaction, or the database itself. */
function target(transaction) {
  if (transaction === undefined) return pglite;
  const open = transactions.get(transaction);
  if (!open) throw new Error(`transaction ${transaction} is not open`);
  return open.tx;
}

async function handle(message) {
  const { id, op } = message;
  switch (op) {
    case 'query': {
      // Columns whose types the main thread parses itself come back as the server's text.
      const parsers = Object.fromEntries((message.rawTypes ?? []).map((oid) => [oid, identity]));
      const { rows, fields, affectedRows } = await target(message.transaction).query(message.sql, message.params, { rowMode: message.rowMode, parsers });
      return reply(id, { rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows });
    }
    case 'exec': {
      const results = await target(message.transaction).exec(message.sql);
      return reply(id, results.map(({ rows, fields, affectedRows }) => ({ rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows })));
    }
    case 'begin': {
      // The transaction stays open (PGlite holds its lock) until the main thread sends commit or rollback.
      const transaction = nextTransaction++;
      let began = false;
      let end;
      const ended = new Promise((resolve) => (end = resolve));
      const done = pglite.transaction(async (tx) => {
        began = true;
        transactions.set(transaction, { tx, end, done });
        reply(id, transaction);
        if ((await ended) === 'rollback') await tx.rollback();
      });
      done.catch((error) => {
        if (!began) fail(id, error);
      });
      return undefined;
    }
    case 'commit':
    case 'rollback': {
      const open = transactions.get(message.transaction);
      if (!open) throw new Error(`transaction ${message.transaction} is not open`);
      open.end(op);
      try {
        await open.done;
      } finally {
        transactions.delete(message.transaction);
      }
      return reply(id, null);
    }
    case 'close': {
      await pglite.close();
      reply(id, null);
      parentPort.close();
      return undefined;
    }
    default:
      throw new Error(`unknown request ${op}`);
  }
}

try {
  pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir ? new Blob([options.loadDataDir]) : undefined,
    startParams: options.startParams,
    initialMemory: options.initialMemory,
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: serialiseError(error) });
  parentPort.close();
}

parentPort.on('message', (message) => {
  handle(message).catch((error) => fail(message.id, error));
});
