import type { z } from 'zod';

/** One thing wrong with the configuration: where (env name or YAML path) and what is expected. */
export interface Problem {
  where: string;
  message: string;
}

/** Turns zod issues into problems named by env variable or YAML path (`pods[2].capacity`). */
export function formatIssues(issues: readonly z.core.$ZodIssue[], kind: 'env' | 'yaml', prefix = ''): Problem[] {
  return issues.map((issue) => ({
    where: kind === 'env' ? String(issue.path[0] ?? '(environment)') : yamlPath(prefix, issue.path) || '(top level)',
    message: issue.message,
  }));
}

function yamlPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly source: string,
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.map((p) => `  - ${p.where}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
