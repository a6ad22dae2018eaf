import type { App as BoltApp } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Webhooks } from '@octokit/webhooks';
import type { Logger } from 'pino';
import type { GitHubClient } from './clients/github';
import type { CommunityConfig } from './app/community-config';
import type { Env } from './config/env';
import type { PrismaClient } from './generated/prisma/client';
import type { Metrics } from './metrics';
import type { Outbox } from './outbox/outbox';
import type { Clock } from './outbox/types';
import type { Router } from './http/router';
import type { WorkQueue } from './slack/work-queue';

/** Everything a handler may use. Built once by createApp from explicit dependencies; tests build it the same way. */
export interface AppContext {
  db: PrismaClient;
  dbKind: 'embedded' | 'postgres';
  env: Env;
  config: CommunityConfig;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  outbox: Outbox;
  /** Slack Web API client for reads and request-time calls; undefined when Slack is off. */
  slack?: WebClient;
  /** GitHub API client; undefined when no GitHub credentials are set. */
  github?: GitHubClient;
  /** Public base URL for links to this server (calendar feed), if known. */
  publicUrl?: string;
  isAdmin(slackUserId: string): boolean;
  /**
   * Runs slow work after a request has been answered (Slack's 3-second ack, GitHub's 10-second deadline).
   * The work is tracked so shutdown waits for it, and failures are logged with their label — never swallowed.
   */
  background(label: string, work: () => Promise<unknown>): void;
  /** Runs the part of a Slack command or action that follows its ack, a few at a time (see WorkQueue). One per app. */
  workQueue: WorkQueue;
}

/** Surfaces a feature can register on. Slack and GitHub are absent when switched off. */
export interface Surfaces {
  slack?: BoltApp;
  webhooks?: Webhooks;
  router: Router;
  /** Periodic work woken by node-cron; `every` is a node-cron expression. */
  schedule(name: string, every: string, task: () => Promise<void>): void;
  /** Work to run once after start (e.g. applying podbot.yml to the database). */
  onStart(name: string, task: () => Promise<void>): void;
}

/** A feature module: `register(ctx, surfaces)` wires its commands, events, webhooks, routes and jobs. */
export type Feature = (ctx: AppContext, surfaces: Surfaces) => void;
