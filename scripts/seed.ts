import { scriptConfig } from './lib/config.ts';
import { seedCatalogue } from './seed-catalogue.ts';

/** `npm run seed`: loads the fictional sample data into DATABASE_URL (upserts; safe to repeat). */
const counts = await seedCatalogue(scriptConfig().DATABASE_URL);
console.log(
  `Seeded ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}.`,
);
