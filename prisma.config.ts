// Prisma CLI configuration. The CLI is only used for `prisma generate` here;
// migrations run through `podbot migrate` (src/cli/commands/migrate.ts; see CONTRIBUTING.md).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
