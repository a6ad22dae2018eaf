// Builds the migrated embedded-database template for the current migrations (run by npm install).
import { ensureTemplate, templatePath } from '../src/db/embedded-template';

await ensureTemplate();
console.error(`podbot: embedded database template ready (${await templatePath()})`);
