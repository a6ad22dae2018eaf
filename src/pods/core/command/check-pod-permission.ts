import type { PodCommand } from './parse-pod-command';
import { listPeople } from '../../../kit/slack/text';
import type { PodView } from '../types';

export type Permission = { ok: true } | { ok: false; message: string };

/**
 * Who may run a `/pod` subcommand:
 * - `create` and `archive`: admins (podbot.yml `admins:`);
 * - `advocate` and `remove`: admins and that pod's advocates;
 * - everything else: anyone.
 * A refusal says who can do it instead.
 */
export function checkPodPermission(request: {
  command: PodCommand;
  actorSlackId: string;
  admins: readonly string[];
  /** The pod the command names, when it exists. */
  pod?: PodView;
  /** Whether the actor is an admin, when the app decides that (AppContext.isAdmin); defaults to membership of `admins`. */
  isAdmin?: boolean;
}): Permission {
  const { command, actorSlackId, admins, pod } = request;
  const isAdmin = request.isAdmin ?? admins.includes(actorSlackId);
  const askAdmins = admins.length > 0 ? `Ask an admin: ${listPeople(admins)}.` : 'No admins are configured; add Slack ids to `admins:` in podbot.yml.';

  switch (command.kind) {
    case 'create':
    case 'archive':
      if (isAdmin) return { ok: true };
      return {
        ok: false,
        message: `Only admins can ${command.kind} pods. ${askAdmins}` + (command.kind === 'create' ? ' Pods can also be added to `pods:` in podbot.yml.' : ''),
      };
    case 'advocate':
    case 'remove': {
      if (isAdmin) return { ok: true };
      if (pod?.advocates.some((advocate) => advocate.slackId === actorSlackId)) return { ok: true };
      const what = command.kind === 'advocate' ? 'add advocates to' : 'remove people from';
      const advocates = pod && pod.advocates.length > 0 ? ` Its advocates are ${listPeople(pod.advocates.map((a) => a.slackId))}.` : '';
      return {
        ok: false,
        message: `Only admins and the advocates of \`${command.name}\` can ${what} it.${advocates} ${askAdmins}`,
      };
    }
    default:
      return { ok: true };
  }
}
