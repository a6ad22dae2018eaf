import type { CallConfig } from '../../types';

/** `skip` and `unskip` cancel a call for everyone, so only its hosts and podbot admins may use them. */
export function checkSkipPermission(
  call: CallConfig,
  userId: string,
  isAdmin: boolean,
  mode: 'skip' | 'unskip',
): { ok: true } | { ok: false; message: string } {
  if (isAdmin || call.hosts.includes(userId)) return { ok: true };
  const hosts = call.hosts.length > 0 ? ` Ask a host (${call.hosts.map((host) => `<@${host}>`).join(', ')}) or an admin.` : ' Ask an admin.';
  return { ok: false, message: `Only the hosts of the ${call.name} and podbot admins can ${mode} a call.${hosts}` };
}
