import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The GitHub App installation the current work runs for.
 *
 * A GitHub App installed on several organisations gets one webhook stream; each delivery names its installation
 * (`installation.id`). The webhook endpoint runs a delivery's handlers inside `withInstallation(id, …)`, so every
 * GitHub call they make (ctx.github) and every GitHub job they enqueue uses that installation's token, without each
 * capability threading the id through. Work started from Slack or a CLI has no installation and uses the default.
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation
 */
const scope = new AsyncLocalStorage<number>();

export function withInstallation<T>(installationId: number | undefined, work: () => T): T {
  return installationId === undefined ? work() : scope.run(installationId, work);
}

/** The installation of the webhook delivery being handled, or undefined outside one. */
export function currentInstallation(): number | undefined {
  return scope.getStore();
}

/** `installation.id` of a webhook payload, when it carries a valid one (GitHub App deliveries do; plain repository webhooks do not). */
export function installationOf(payload: unknown): number | undefined {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
