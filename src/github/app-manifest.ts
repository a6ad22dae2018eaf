// The GitHub App manifest flow's pure parts: app.yml made for one server, where GitHub's "new App" form is, and the
// pages `podbot github-app create` shows in the browser.
// https://docs.github.com/en/apps/sharing-github-apps/registering-a-github-app-from-a-manifest

/** The public URL app.yml is written with; replaced by the server's own. */
export const MANIFEST_PLACEHOLDER_URL = 'https://podbot.example.org';

export type Manifest = Record<string, unknown>;

/** What GitHub answers when a manifest's code is exchanged (POST /app-manifests/{code}/conversions), as podbot keeps it. */
export interface CreatedApp {
  id: number;
  slug: string;
  name: string;
  /** https://github.com/apps/<slug> */
  htmlUrl: string;
  /** Login of the account that owns the App. */
  owner?: string;
  /** The App's private key (PEM). */
  pem: string;
  webhookSecret: string;
}

/**
 * app.yml for a server at `publicUrl`: every `https://podbot.example.org` (the App's page, its webhook) points at it,
 * and GitHub sends the person back to `redirectUrl` with the code once the App exists.
 */
export function manifestFor(manifest: Manifest, { publicUrl, redirectUrl }: { publicUrl: string; redirectUrl: string }): Manifest {
  const base = publicUrl.replace(/\/+$/, '');
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') return value.split(MANIFEST_PLACEHOLDER_URL).join(base);
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, replace(inner)]));
    return value;
  };
  return { ...(replace(manifest) as Manifest), redirect_url: redirectUrl };
}

/** GitHub's web address for an API URL: github.com for api.github.com, https://HOST for GitHub Enterprise's https://HOST/api/v3. */
export function webUrlFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (/\/api\/v3\/?$/.test(url.pathname)) return url.origin;
  return 'https://github.com';
}

/** Where the manifest is posted: the organisation's "new GitHub App" page, or the person's own without an organisation. */
export function newAppUrl({ webUrl, org, state }: { webUrl: string; org?: string; state: string }): string {
  const page = org ? `/organizations/${encodeURIComponent(org)}/settings/apps/new` : '/settings/apps/new';
  return `${webUrl}${page}?state=${encodeURIComponent(state)}`;
}

/** Where the App is installed on an organisation (GitHub asks which one, and which repositories). */
export function installUrlOf(app: Pick<CreatedApp, 'htmlUrl'>): string {
  return `${app.htmlUrl.replace(/\/+$/, '')}/installations/new`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{font-size:.95em}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** The page that posts the manifest to GitHub (a form: GitHub takes the manifest only as a POST from the browser). */
export function renderCreatePage({ action, manifest, org }: { action: string; manifest: Manifest; org?: string }): string {
  const hook = (manifest.hook_attributes as { url?: unknown } | undefined)?.url;
  const events = Array.isArray(manifest.default_events) ? manifest.default_events.join(', ') : '';
  return page(
    'Create the podbot GitHub App',
    `<p>GitHub will create the App ${org ? `owned by the organisation <b>${escapeHtml(org)}</b>` : 'owned by your account'}, with podbot's
permissions and events (${escapeHtml(events)}) and its webhook at <code>${escapeHtml(String(hook ?? ''))}</code>. You can change its name there
(App names are unique on GitHub). Then GitHub sends you back here, and podbot keeps the App's id, private key and webhook secret.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(manifest))}">
<button type="submit">Create the App on GitHub</button>
</form>`,
  );
}

export function renderCreatedPage({ app, envFile }: { app: CreatedApp; envFile: string }): string {
  const install = installUrlOf(app);
  return page(
    'The GitHub App is created',
    `<p><b>${escapeHtml(app.name)}</b> (id ${app.id}) exists, and its credentials are in <code>${escapeHtml(envFile)}</code>.
You can close this page; podbot github-app create has finished.</p>
<p>Next, <a href="${escapeHtml(install)}">install it</a> on each organisation podbot serves.</p>`,
  );
}

export function renderProblemPage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
