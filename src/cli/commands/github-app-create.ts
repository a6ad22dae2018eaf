// podbot github-app create: creates podbot's GitHub App from app.yml through GitHub's manifest flow
// (src/github/app-manifest-flow.ts) and writes its credentials into the .env file (src/config/env-file.ts).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, formatIssues } from '../../config/problems';
import { PROJECT_ROOT } from '../../paths';
import { CliFailure, UsageError, type Command } from '../command';
import { integerOption, parseOptions } from '../parse-options';

/** The variables the App's credentials go into. */
const KEYS = ['GITHUB_APP_ID', 'GITHUB_PRIVATE_KEY', 'GITHUB_WEBHOOK_SECRET'] as const;
/** A GitHub organisation login: letters, digits and single hyphens, up to 39 characters. */
const ORG = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export const githubAppCreateCommand: Command = {
  name: 'github-app create',
  summary: 'create the GitHub App from app.yml and write its credentials to .env',
  help: `usage: podbot github-app create [--org ORG] [--url PUBLIC_URL] [--port N] [--env-file .env] [--force]

Creates podbot's GitHub App with app.yml's permissions and events, in one step: it serves a page on
127.0.0.1 (open it in a browser on this machine), the page sends app.yml to GitHub, you confirm there,
and GitHub sends the App back. Its id, private key and webhook secret are written to the env file as
GITHUB_APP_ID, GITHUB_PRIVATE_KEY and GITHUB_WEBHOOK_SECRET (the file readable by its owner only),
and the address where you install the App on each organisation is printed. GitHub gives an hour.

options:
  --org ORG          the organisation that owns the App (default: your own account)
  --url PUBLIC_URL   podbot's public address, for the App's webhook (default: PODBOT_PUBLIC_URL)
  --port N           port of the local page, 0 to 65535 (default 0: any free port; fix one to reach it
                     through an SSH tunnel from your browser's machine)
  --env-file PATH    the file to write (default .env)
  --force            replace those variables when the file already sets them

exit codes: 0 App created and written, 1 failure (nothing written), 2 usage or configuration problem`,
  async run(argv, ctx) {
    const { values } = parseOptions(argv, {
      org: { type: 'string' },
      url: { type: 'string' },
      port: { type: 'string' },
      'env-file': { type: 'string' },
      force: { type: 'boolean' },
    });
    const org = values.org === undefined ? undefined : String(values.org);
    if (org !== undefined && !ORG.test(org)) throw new UsageError(`--org expects a GitHub organisation login, e.g. kubernetes-sigs, not "${org}"`);
    const port = integerOption(values.port, 'port', { min: 0, max: 65535, fallback: 0 });
    const force = values.force === true;
    const envFile = resolve(String(values['env-file'] ?? '.env'));

    // Loaded when the command runs (zod and yaml): the server's front thread loads this CLI without them.
    const [{ envSchema }, { parse }] = await Promise.all([import('../../config/env'), import('yaml')]);
    const parsed = envSchema.pick({ GITHUB_API_URL: true, PODBOT_PUBLIC_URL: true }).safeParse(ctx.env);
    if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, 'env'), 'environment');
    const publicUrl = values.url === undefined ? parsed.data.PODBOT_PUBLIC_URL : String(values.url);
    if (!publicUrl) throw new UsageError('--url PUBLIC_URL is required (or set PODBOT_PUBLIC_URL): GitHub sends the App\'s webhooks to PUBLIC_URL/github/webhooks');
    if (!/^https?:\/\/\S+$/.test(publicUrl) || !URL.canParse(publicUrl)) throw new UsageError(`--url expects podbot's public http(s) address, e.g. https://podbot.example.com, not "${publicUrl}"`);

    const [{ createAppFromManifest }, { installUrlOf }, envFiles] = await Promise.all([
      import('../../github/app-manifest-flow'),
      import('../../github/app-manifest'),
      import('../../config/env-file'),
    ]);
    const manifestPath = join(PROJECT_ROOT, 'app.yml');
    const appYml = await readFile(manifestPath, 'utf8').catch(() => {
      throw new CliFailure(`${manifestPath} not found: run this from a podbot checkout or package, which ships app.yml`);
    });
    // Refused before anything starts: once GitHub has created the App, its key can only be written or lost.
    const taken = envFiles.keysWithValues(await envFiles.readEnvFile(envFile), KEYS);
    if (taken.length && !force) throw new CliFailure(`${envFile} already sets ${taken.join(', ')}; pass --force to replace them, or --env-file another file`);

    const progress = (line: string) => ctx.io.stderr(`${line}\n`);
    let written: { replaced: string[]; added: string[] } | undefined;
    let app;
    try {
      app = await createAppFromManifest({
        manifest: parse(appYml) as Record<string, unknown>,
        publicUrl,
        org,
        apiUrl: parsed.data.GITHUB_API_URL,
        port,
        envFile,
        stop: ctx.stopRequested,
        onListening: (url) => progress(`open ${url} in a browser on this machine to create the App${org ? ` for ${org}` : ''} on GitHub (Ctrl-C to give up)`),
        onProgress: progress,
        async keep(created) {
          const plan = envFiles.planEnvFile(
            await envFiles.readEnvFile(envFile),
            { GITHUB_APP_ID: String(created.id), GITHUB_PRIVATE_KEY: created.pem, GITHUB_WEBHOOK_SECRET: created.webhookSecret },
            { force },
          );
          if (plan.conflicts.length) throw new Error(`${plan.conflicts.join(', ')} appeared in it meanwhile`);
          await envFiles.writeEnvFile(envFile, plan.text);
          written = plan;
        },
      });
    } catch (error) {
      if ((error as Error).name === 'ManifestFlowError') throw new CliFailure((error as Error).message);
      throw error;
    }
    const replaced = written?.replaced.length ? ` (replaced ${written.replaced.join(', ')})` : '';
    ctx.io.stdout(`created the GitHub App ${app.name} (id ${app.id})${app.owner ? `, owned by ${app.owner}` : ''}: ${app.htmlUrl}\n`);
    ctx.io.stdout(`wrote ${KEYS.join(', ')} to ${envFile}${replaced}, readable by its owner only\n`);
    ctx.io.stdout(`install it on each organisation podbot serves: ${installUrlOf(app)}\n`);
    return 0;
  },
};
