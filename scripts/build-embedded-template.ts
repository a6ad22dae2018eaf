// Builds the migrated embedded-database template for the current migrations (run by npm install).
import { ensureTemplateDirectory } from '../src/db/embedded-template';

console.error(`podbot: embedded database template ready (${await ensureTemplateDirectory()})`);
