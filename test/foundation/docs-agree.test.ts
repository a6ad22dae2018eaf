import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommunityConfig } from '../../src/app/community-config';
import { envSchema } from '../../src/config/env';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('documentation agrees with the code', () => {
  const variables = Object.keys(envSchema.shape).sort();

  it('.env.example lists exactly the variables the schema reads', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(variables);
  });

  it("README's configuration table lists every variable", () => {
    const readme = read('README.md');
    const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(rows).toEqual(variables);
  });

  it('podbot.example.yml is a valid configuration', () => {
    const config = parseCommunityConfig(read('podbot.example.yml'));
    expect(config.pods.map((p) => p.name)).toEqual(['docs', 'cli']);
    expect(config.calls[0].slug).toBe('community-call');
  });
});
