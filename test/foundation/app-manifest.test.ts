// app.yml, the GitHub App manifest, against the code: its events are the ones podbot registers handlers for, and its
// permissions are what podbot's GitHub API calls need — no fewer, no more.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Webhooks } from '@octokit/webhooks';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { features } from '../../src/features';
import { Router } from '../../src/http/router';
import { startTestApp, type TestApp } from '../support/test-app';

const root = join(import.meta.dirname, '../..');
const manifest = parse(readFileSync(join(root, 'app.yml'), 'utf8')) as {
  name: string;
  url: string;
  hook_attributes: { url: string; active?: boolean };
  redirect_url: string;
  public: boolean;
  default_permissions: Record<string, 'read' | 'write'>;
  default_events: string[];
};

type Access = 'read' | 'write';
type Needs = Record<string, Access>;

/**
 * What each GitHub call needs (https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps).
 * Comments and labels go on issues and on pull requests, which GitHub grants through either permission, so both.
 * A call missing here fails the test: add it, with its permission, and update app.yml.
 */
const REST: Record<string, Needs> = {
  // As the App (JWT): finding its installations needs no permission.
  'GET /app/installations': {},
  'GET /repos/{owner}/{repo}/installation': {},
  'GET /users/{username}': {},
  // Creating the App (podbot github-app create): unauthenticated, the code GitHub hands back is the credential.
  'POST /app-manifests/{code}/conversions': {},
  'GET /repos/{owner}/{repo}/issues': { issues: 'read' },
  'GET /repos/{owner}/{repo}/pulls': { pull_requests: 'read' },
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': { pull_requests: 'read' },
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': { issues: 'read', pull_requests: 'read' },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': { issues: 'write', pull_requests: 'write' },
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': { issues: 'write', pull_requests: 'write' },
  'GET /repos/{owner}/{repo}/releases': { contents: 'read' },
  'GET /repos/{owner}/{repo}/releases/{release_id}': { contents: 'read' },
  'GET /repos/{owner}/{repo}/releases/tags/{tag}': { contents: 'read' },
  'PATCH /repos/{owner}/{repo}/releases/{release_id}': { contents: 'write' },
  'GET /repos/{owner}/{repo}/compare/{basehead}': { contents: 'read' },
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': { pull_requests: 'write' },
  // Backfill and the first-response watch's start-up search see private repositories' items only with read access.
  'GET /search/issues': { issues: 'read', pull_requests: 'read' },
};

/** GraphQL fields podbot queries, by what they read. */
const GRAPHQL: Record<string, Needs> = {
  repository: { metadata: 'read' },
  pullRequest: { pull_requests: 'read' },
  object: { contents: 'read' },
  associatedPullRequests: { pull_requests: 'read' },
  // A pull request's connections.
  labels: { pull_requests: 'read' },
  files: { pull_requests: 'read' },
  commits: { pull_requests: 'read', contents: 'read' },
  search: { pull_requests: 'read' },
};

/** Events GitHub sends every App whatever it subscribes to; a manifest cannot list them. */
const ALWAYS_DELIVERED = new Set(['installation', 'installation_repositories', 'github_app_authorization', 'ping']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

const sources = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'scripts'))].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/**
 * GitHub REST calls in the code: "METHOD /route" strings that are GitHub routes (podbot's own routes are not), and
 * `rest.<namespace>.<method>` calls, resolved to their route by Octokit.
 */
function restCallsInCode(): Set<string> {
  const octokit = new Octokit() as unknown as { rest: Record<string, Record<string, { endpoint: { DEFAULTS: { method: string; url: string } } }>> };
  const githubRoutes = new Set(
    Object.values(octokit.rest).flatMap((namespace) => Object.values(namespace).map(({ endpoint }) => `${endpoint.DEFAULTS.method} ${endpoint.DEFAULTS.url}`)),
  );
  const calls = new Set<string>();
  for (const { text } of sources) {
    for (const [, route] of text.matchAll(/['`]((?:GET|POST|PATCH|PUT|DELETE) \/[^'`\s]*)['`]/g)) {
      const call = route.replace('{+', '{');
      if (githubRoutes.has(call)) calls.add(call);
    }
    for (const [, namespace, method] of text.matchAll(/\brest\.([a-zA-Z]+)\.([a-zA-Z]+)\b/g)) {
      const endpoint = octokit.rest[namespace]?.[method]?.endpoint;
      if (!endpoint) throw new Error(`rest.${namespace}.${method} is not an Octokit method`);
      calls.add(`${endpoint.DEFAULTS.method} ${endpoint.DEFAULTS.url}`);
    }
  }
  return calls;
}

/** Fields called with arguments (`pullRequest(number: 3)`) in the files that send GraphQL queries. */
function graphqlFieldsInCode(): Set<string> {
  const fields = new Set<string>();
  for (const { text } of sources.filter((source) => /\.graphql\b/.test(source.text) || /\bgraphql</.test(source.text))) {
    for (const template of text.match(/`[^`]*`/g) ?? []) {
      for (const [, field] of template.matchAll(/\b([a-zA-Z]+)\((?:number|oid|query|owner|first|name)\s*:/g)) fields.add(field);
    }
  }
  return fields;
}

/** Webhook event names the capabilities register handlers for, from their own register functions. */
function recordingWebhooks(): { webhooks: Webhooks; events: Set<string> } {
  const webhooks = new Webhooks({ secret: 'unused' });
  const events = new Set<string>();
  const on = webhooks.on;
  webhooks.on = (names, handler) => {
    for (const name of Array.isArray(names) ? names : [names]) events.add(String(name).split('.')[0]);
    return on(names, handler);
  };
  return { webhooks, events };
}

describe('app.yml, the GitHub App manifest', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ features: [] });
  });
  afterAll(() => t?.stop());

  it('has the fields GitHub needs to create the App, pointing at the webhook endpoint', () => {
    expect(manifest.name).toBe('podbot');
    expect(manifest.url).toMatch(/^https:\/\//);
    expect(manifest.hook_attributes.url).toMatch(/^https:\/\/.+\/github\/webhooks$/);
    expect(manifest.hook_attributes.active).toBe(true);
    expect(manifest.redirect_url).toMatch(/^https:\/\//);
    expect(typeof manifest.public).toBe('boolean');
  });

  it('subscribes to exactly the events podbot handles', () => {
    const { webhooks, events } = recordingWebhooks();
    for (const feature of features) feature(t.app.ctx, { webhooks, router: new Router(), schedule: () => {}, onStart: () => {} });
    const handled = [...events].filter((event) => !ALWAYS_DELIVERED.has(event)).sort();
    expect(handled.length).toBeGreaterThan(0);
    expect([...manifest.default_events].sort()).toEqual(handled);
  });

  it("grants exactly the permissions podbot's API calls need", () => {
    const needed: Needs = { metadata: 'read' };
    const grant = (needs: Needs) => {
      for (const [permission, access] of Object.entries(needs)) if (needed[permission] !== 'write') needed[permission] = access;
    };
    const rest = restCallsInCode();
    const graphql = graphqlFieldsInCode();
    expect(rest.size).toBeGreaterThan(5);
    expect(graphql.has('pullRequest')).toBe(true);
    for (const call of rest) {
      expect(REST, `${call} is not in the permission table of this test`).toHaveProperty([call]);
      grant(REST[call]);
    }
    for (const field of graphql) {
      expect(GRAPHQL, `GraphQL field ${field} is not in the permission table of this test`).toHaveProperty([field]);
      grant(GRAPHQL[field]);
    }
    expect(manifest.default_permissions).toEqual(needed);
  });
});
