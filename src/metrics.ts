import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics served on GET /metrics. One registry per app instance, so tests stay independent. */
export function createMetrics({ deadLetters }: { deadLetters?: () => Promise<number> } = {}) {
  const registry = new Registry();
  // Node's and the process's own metrics under their standard names (process_resident_memory_bytes,
  // nodejs_eventloop_lag_seconds…), so stock dashboards and alerts work unchanged.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'podbot_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route (as registered) and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    slackAckSeconds: new Histogram({
      name: 'podbot_slack_ack_seconds',
      help: 'Time from receiving a Slack request to acknowledging it',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'podbot_github_webhook_deliveries_total',
      help: 'GitHub webhook deliveries by event and outcome (processed, duplicate, rejected, failed)',
      labelNames: ['event', 'outcome'] as const,
      registers: [registry],
    }),
    outboxSent: new Counter({
      name: 'podbot_outbox_sent_total',
      help: 'Outbox jobs delivered, by target and method',
      labelNames: ['target', 'method'] as const,
      registers: [registry],
    }),
    outboxFailed: new Counter({
      name: 'podbot_outbox_failed_total',
      help: 'Outbox jobs that failed permanently, by target, method and error',
      labelNames: ['target', 'method', 'error'] as const,
      registers: [registry],
    }),
    outboxRetries: new Counter({
      name: 'podbot_outbox_retries_total',
      help: 'Outbox attempts that will be retried (rate limits, server errors), by target and reason',
      labelNames: ['target', 'reason'] as const,
      registers: [registry],
    }),
    outboxPending: new Gauge({
      name: 'podbot_outbox_pending',
      help: 'Outbox jobs waiting to be sent',
      registers: [registry],
    }),
    outboxDeadLetters: new Gauge({
      name: 'podbot_outbox_dead_letters',
      help: 'Outbox jobs given up on (refused by the platform, or failing past the give-up time); list them with GET /api/outbox',
      registers: [registry],
      async collect() {
        if (deadLetters) this.set(await deadLetters().catch(() => Number.NaN));
      },
    }),
    remindersSent: new Counter({
      name: 'podbot_call_reminders_total',
      help: 'Community-call reminder claims by kind and status (sent, missed)',
      labelNames: ['kind', 'status'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
