import type { AppContext } from '../context';
import { errorSummary } from '../errors';
import { findFirstResponses, responseKey } from '../ledger';
import { loadPodViews } from '../pods';
import type { OutboxJobInput } from '../outbox/types';
import { planWatchSteps, type PlannedStep, type PodTarget } from './core/plan-watch-steps';
import { responseDeadlines } from './core/response-deadlines';
import { claimStep, listRunningWatches, markAnswered, type StoredWatch } from './store/watches';

/** What a scheduler pass uses from the app. */
export type TickContext = Pick<AppContext, 'db' | 'config' | 'clock' | 'outbox' | 'log' | 'slack'>;

export interface TickResult {
  answered: number;
  nudged: number;
  escalated: number;
}

/**
 * One pass of the first-response watch. node-cron only wakes it; what is due follows from the watch rows, the
 * responses the ledger recorded and the clock, so a restart or a second replica computes the same thing:
 *
 * 1. Load the running watches and, in one query, the first human response to each (the author and bots do not count).
 * 2. Answered ones end there.
 * 3. For the rest, the core plans the due steps (nudge at the window, escalate at twice it).
 * 4. Each step is claimed by setting its column on the watch row, and its messages are enqueued in the same
 *    transaction, with one outbox key per item, step and recipient. A replica that loses the claim sends nothing.
 */
export async function runFirstResponseTick(ctx: TickContext): Promise<TickResult> {
  const result: TickResult = { answered: 0, nudged: 0, escalated: 0 };
  const settings = ctx.config.welcome.firstResponse;
  if (!settings.enabled) return result;
  const now = ctx.clock.now();
  const watches = await listRunningWatches(ctx.db);
  if (watches.length === 0) return result;
  const responses = await findFirstResponses(ctx.db, watches, ctx.config.bots);
  const pods = new Map((await loadPodViews(ctx.db, { liveOnly: true })).map((pod) => [pod.name, pod]));

  const failures: unknown[] = [];
  for (const watch of watches) {
    const response = responses.get(responseKey(watch));
    if (response) {
      await markAnswered(ctx.db, watch.id, response.at);
      result.answered += 1;
      continue;
    }
    const targets: PodTarget[] = watch.pods.flatMap((name) => {
      const pod = pods.get(name);
      return pod ? [{ displayName: pod.displayName, advocates: pod.advocates.map((a) => a.slackId), channel: pod.channel }] : [];
    });
    const steps = planWatchSteps({
      item: watch,
      now,
      deadlines: responseDeadlines(watch.openedAt, settings.within, settings),
      within: settings.within.text,
      pods: targets,
      admins: ctx.config.admins,
    });
    for (const step of steps) {
      try {
        if (await takeStep(ctx, watch, step, now)) result[step.step === 'nudge' ? 'nudged' : 'escalated'] += 1;
      } catch (error) {
        // The step stays unclaimed and the next pass tries it again; the other items go on.
        ctx.log.error({ repo: watch.repo, number: watch.number, step: step.step, err: errorSummary(error) }, 'newcomers: could not take a first-response step');
        failures.push(error);
      }
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `newcomers: ${failures.length} first-response step(s) failed; they are retried on the next pass`);
  return result;
}

async function takeStep(ctx: TickContext, watch: StoredWatch, step: PlannedStep, now: Date): Promise<boolean> {
  // Without Slack there is nobody to tell; the step is still claimed so that switching Slack on later does not
  // flood people with stale reminders.
  const jobs: OutboxJobInput[] = ctx.slack
    ? step.sends.map((send) => ({ key: send.key, target: 'slack', method: 'chat.postMessage', payload: { channel: send.channel, ...send.message } }))
    : [];
  const won = await ctx.db.$transaction(async (tx) => {
    if (!(await claimStep(tx, watch.id, step.step, now))) return false;
    await ctx.outbox.enqueue(jobs, tx);
    return true;
  });
  if (!won) return false;
  ctx.outbox.kick();
  ctx.log.info({ repo: watch.repo, number: watch.number, step: step.step, recipients: step.sends.map((send) => send.channel) }, 'newcomers: item waits for a first response');
  return true;
}
