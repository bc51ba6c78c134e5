import { migrate } from './stack/migrations.ts';
import { scriptConfig } from './lib/config.ts';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (the local stack by default). */
const applied = await migrate(scriptConfig().DATABASE_URL);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.');
