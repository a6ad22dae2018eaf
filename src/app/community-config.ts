import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { callsSection } from '../calls/config';
import { careSection } from '../care/config';
import { podSettingsSection, podsSection } from '../pods/config';
import { releasesSection } from '../releases/config';
import { welcomeSection } from '../welcome/config';
import { strictObject } from '../config/strict-object';
import { ConfigError, formatIssues, type Problem } from '../config/problems';

/** podbot.yml: the community's own settings. podbot.example.yml documents every field. */
export const communitySchema = strictObject({
    /** Slack user ids of people allowed to run admin commands (/pod create, /pod archive, unlinking others…). */
    admins: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'expected a Slack user id such as U0123456789')).default([]),
    /** Extra GitHub logins to treat as bots everywhere (logins ending in [bot] always are). */
    bots: z.array(z.string().min(1)).default([]),
    pods: podsSection,
    podSettings: podSettingsSection,
    welcome: welcomeSection,
    calls: callsSection,
    releases: releasesSection,
    care: careSection,
});

export type CommunityConfig = z.infer<typeof communitySchema>;

/** Parses and validates podbot.yml text; every problem is reported with its YAML path. */
export function parseCommunityConfig(text: string, source = 'podbot.yml'): CommunityConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(
      doc.errors.map((error) => ({ where: `${source} line ${error.linePos?.[0].line ?? '?'}`, message: error.message.split('\n')[0] })),
      source,
    );
  }
  const value = doc.toJS() ?? {};
  const parsed = communitySchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, 'yaml'), source);
  return parsed.data;
}

/** Reads podbot.yml. A missing file is an empty community (every section at its defaults), said once in the log. */
export async function loadCommunityConfig(path: string): Promise<{ config: CommunityConfig; missing: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: parseCommunityConfig('{}', path), missing: true };
    throw new ConfigError([{ where: path, message: `cannot be read: ${(error as Error).message}` } satisfies Problem], path);
  }
  return { config: parseCommunityConfig(text, path), missing: false };
}
