// The outbox's public face: the queue itself, and the dead-letter functions the admin command, /api/outbox and
// CLIs share.
export { Outbox, type OutboxOptions } from './outbox';
export { listDeadLetters, retryDeadLetter, countDeadLetters, DEAD_LETTER_STATUSES, type DeadLetter } from './dead-letters';
export type { OutboxJobInput, ClaimedJob, Sender, SendFailure, Clock } from './types';
export { systemClock } from './types';
