// `npm start`: runs the bundled app in dist/, rebuilding it first when the sources have changed (scripts/build.mjs).
import { build, isStale } from './build.mjs';

if (await isStale()) {
  console.error('podbot: sources changed since the last build; rebuilding dist/');
  await build();
}
process.setSourceMapsEnabled(true);
await import('../dist/index.js');
