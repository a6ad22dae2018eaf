/** A webhook whose failed deliveries podbot asks GitHub to redeliver. */
export type RedeliveryHook = { kind: 'app' } | { kind: 'repo'; owner: string; repo: string; hookId: number } | { kind: 'org'; org: string; hookId: number };

/**
 * Reads GITHUB_REDELIVERY_HOOKS: a comma-separated list of `app` (the GitHub App's webhook), `repo:OWNER/NAME:HOOK_ID`
 * and `org:ORG:HOOK_ID`. Returns the hooks, or the first entry it cannot read with what is expected.
 */
export function parseRedeliveryHooks(value: string | undefined): { hooks: RedeliveryHook[] } | { problem: string } {
  const hooks: RedeliveryHook[] = [];
  for (const entry of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if (entry === 'app') hooks.push({ kind: 'app' });
    else if ((m = /^repo:([\w.-]+)\/([\w.-]+):(\d+)$/.exec(entry))) hooks.push({ kind: 'repo', owner: m[1], repo: m[2], hookId: Number(m[3]) });
    else if ((m = /^org:([\w.-]+):(\d+)$/.exec(entry))) hooks.push({ kind: 'org', org: m[1], hookId: Number(m[2]) });
    else return { problem: `cannot read "${entry}": expected app, repo:OWNER/NAME:HOOK_ID or org:ORG:HOOK_ID, separated by commas` };
  }
  return { hooks };
}

/** The REST path of a hook's deliveries. https://docs.github.com/en/rest/webhooks/repo-deliveries */
export function deliveriesPath(hook: RedeliveryHook): string {
  if (hook.kind === 'app') return '/app/hook/deliveries';
  if (hook.kind === 'repo') return `/repos/${hook.owner}/${hook.repo}/hooks/${hook.hookId}/deliveries`;
  return `/orgs/${hook.org}/hooks/${hook.hookId}/deliveries`;
}

export function hookLabel(hook: RedeliveryHook): string {
  if (hook.kind === 'app') return 'app';
  return hook.kind === 'repo' ? `repo:${hook.owner}/${hook.repo}:${hook.hookId}` : `org:${hook.org}:${hook.hookId}`;
}
