import type { KnownBlock, SlackMessage } from '../kit/slack/blocks';
import type { OutboxJobInput } from '../outbox/types';
import type { Db } from './store/db';
import type { PodView } from './core/types';

/**
 * How another capability adds to what pods shows, without pods importing it (a capability may import pods, so pods
 * importing it back would be a cycle): `/pod` subcommands, a line under a pod in the pod mention comment, and
 * App Home sections for advocates. The capability registers its extension for one app context (see extendPods).
 */
export interface PodExtension {
  /** Extra `/pod` subcommands, listed by `/pod help` and offered by did-you-mean. */
  subcommands?: readonly PodSubcommand[];
  /** Additions to the pod mention of an issue or PR, by pod name; called while the mention is planned (reads only). */
  planMentionAdditions?(target: MentionAdditionTarget, pods: readonly PodView[]): Promise<ReadonlyMap<string, MentionAddition>>;
  /** App Home blocks shown to the advocates of `advocated` (live pods the viewer advocates). */
  homeSections?(viewerSlackId: string, advocated: readonly PodView[]): Promise<KnownBlock[]>;
}

export interface PodSubcommand {
  /** The word after `/pod`, lowercase. */
  name: string;
  /** One line for `/pod help`, like the built-in subcommands' usage. */
  usage: string;
  /** Answers the person who ran it (ephemeral). `args` is the text after the subcommand. */
  run(actorSlackId: string, args: string): Promise<SlackMessage>;
}

export interface MentionAdditionTarget {
  kind: 'issue' | 'pr';
  repo: string;
  number: number;
  author: string;
  /** The webhook payload at hand, when there is one. */
  delivery?: object;
}

/** What an extension adds to one pod's mention. */
export interface MentionAddition {
  /** One line shown under the pod in the comment. */
  note?: string;
  /** Runs in the transaction that claims the pod's mention (only if this call claims it); returns jobs to enqueue with the comment. */
  onClaim?(tx: Db): Promise<OutboxJobInput[]>;
}

const registered = new WeakMap<object, PodExtension[]>();

/** Registers an extension for the app whose context is `ctx` (the AppContext handed to every feature). */
export function extendPods(ctx: object, extension: PodExtension): void {
  registered.set(ctx, [...(registered.get(ctx) ?? []), extension]);
}

/** The extensions registered for this app context. */
export function podExtensions(ctx: object): readonly PodExtension[] {
  return registered.get(ctx) ?? [];
}
