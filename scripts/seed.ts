import { scriptConfig } from './lib/config.ts';
import { seedDatabase } from './lib/seed.ts';

/** `npm run seed`: loads the fictional sample data into DATABASE_URL (upserts; safe to repeat). */
const counts = await seedDatabase(scriptConfig().DATABASE_URL);
console.log(
  `Seeded ${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}.`,
);
