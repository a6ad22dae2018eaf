import type { Webhooks } from '@octokit/webhooks';
import type { Logger } from 'pino';
import { InvalidPayloadError } from '../errors';
import type { Outbox } from '../outbox/outbox';

export interface InstallationEventsDeps {
  log: Logger;
  outbox: Pick<Outbox, 'cancelGitHubJobs'>;
  /** Drops an installation's Octokit clients and cached token, in every pool (reads and the outbox's sender). */
  forgetInstallation(installationId: number): void;
}

interface Installation {
  id: number;
  /** Login of the organisation or account it is installed on; absent on enterprise installations. */
  account?: string;
}

/**
 * The GitHub App's lifecycle on each account it is installed on. GitHub sends `installation` and
 * `installation_repositories` to every App, without subscribing (so app.yml does not list them):
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#installation
 *
 * - `installation.deleted` (uninstalled) and `installation.suspend`: the installation's clients and token are dropped,
 *   and its GitHub jobs still waiting in the outbox become dead letters at once: GitHub would refuse them, and they
 *   would otherwise be retried until the give-up time. Jobs dead-lettered by a suspension can be retried
 *   (`podbot outbox retry`) once it is lifted.
 * - `installation.unsuspend` and `installation.new_permissions_accepted`: the client and token are dropped again, so
 *   the next call mints a token that GitHub accepts, with the installation's current permissions.
 * - `installation_repositories.removed`: the waiting jobs about those repositories become dead letters.
 *
 * Each logs one line saying what happened and what podbot did.
 */
export function registerInstallationEvents(webhooks: Webhooks, deps: InstallationEventsDeps): void {
  const { log, outbox, forgetInstallation } = deps;

  webhooks.on(['installation.deleted', 'installation.suspend'], async ({ payload }) => {
    const installation = installationIn(payload);
    const deleted = payload.action === 'deleted';
    forgetInstallation(installation.id);
    const where = describe(installation);
    const cancelled = await outbox.cancelGitHubJobs(
      { installationId: installation.id, account: installation.account },
      deleted
        ? { code: 'installation_deleted', message: `the GitHub App was uninstalled from ${where}; not sent` }
        : { code: 'installation_suspended', message: `the GitHub App is suspended on ${where}; once it is unsuspended, podbot outbox retry sends it` },
    );
    log.info(
      { installation: installation.id, account: installation.account, cancelledJobs: cancelled.length },
      `github: the App was ${deleted ? 'uninstalled from' : 'suspended on'} ${where}: dropped its client and token` +
        (cancelled.length ? `; ${jobs(cancelled.length)} waiting for it are dead letters (podbot outbox list)` : '; no jobs were waiting for it'),
    );
  });

  webhooks.on(['installation.unsuspend', 'installation.new_permissions_accepted'], ({ payload }) => {
    const installation = installationIn(payload);
    forgetInstallation(installation.id);
    const what = payload.action === 'unsuspend' ? 'unsuspended on' : 'granted new permissions on';
    log.info({ installation: installation.id, account: installation.account }, `github: the App was ${what} ${describe(installation)}: its next call mints a new token`);
  });

  webhooks.on('installation_repositories.removed', async ({ payload }) => {
    const installation = installationIn(payload);
    const repositories = (payload.repositories_removed ?? []).map((repository) => repository.full_name).filter((name): name is string => typeof name === 'string');
    if (!repositories.length) return;
    const cancelled = await outbox.cancelGitHubJobs(
      { installationId: installation.id, account: installation.account, repositories },
      { code: 'repository_removed', message: `the repository was removed from the GitHub App's installation on ${describe(installation)}; not sent` },
    );
    log.info(
      { installation: installation.id, account: installation.account, repositories, cancelledJobs: cancelled.length },
      `github: ${repositories.join(', ')} removed from the App on ${describe(installation)}` +
        (cancelled.length ? `; ${jobs(cancelled.length)} waiting for them are dead letters (podbot outbox list)` : ''),
    );
  });
}

function installationIn(payload: { installation?: unknown }): Installation {
  const installation = payload.installation as { id?: unknown; account?: { login?: unknown } | null } | undefined;
  const id = installation?.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) throw new InvalidPayloadError('installation payload needs installation.id');
  const login = installation?.account?.login;
  return { id, account: typeof login === 'string' && login !== '' ? login : undefined };
}

function describe({ id, account }: Installation): string {
  return account ? `${account} (installation ${id})` : `installation ${id}`;
}

function jobs(count: number): string {
  return `${count} GitHub job${count === 1 ? '' : 's'}`;
}
