// Every podbot subcommand, in the order `podbot --help` lists them. A new command is a file beside this one,
// added here.
import type { Command } from '../command';
import { backfillCommand } from './backfill';
import { dbExportCommand, dbImportCommand } from './db';
import { diffCommand } from './diff';
import { githubAppCreateCommand } from './github-app-create';
import { migrateCommand } from './migrate';
import { outboxListCommand, outboxRetryCommand } from './outbox';
import { podsPlanCommand } from './pods-plan';
import { releaseNotesCommand } from './release-notes';
import { startCommand } from './start';

export const commands: readonly Command[] = [
  startCommand,
  migrateCommand,
  diffCommand,
  dbExportCommand,
  dbImportCommand,
  releaseNotesCommand,
  backfillCommand,
  podsPlanCommand,
  outboxListCommand,
  outboxRetryCommand,
  githubAppCreateCommand,
];
