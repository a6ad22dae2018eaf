#!/usr/bin/env node
// npm run test:postgres: the same suite, each test file on a fresh database on a PostgreSQL server.
// TEST_DATABASE_URL defaults to the local server used in development and CI.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' };
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
