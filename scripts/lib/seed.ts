import { seedCatalogue } from '../seed-catalogue.ts';

/** Loads the fictional sample data (places, teams and the directory). Upserts: safe to repeat. */
export async function seedDatabase(databaseUrl: string): Promise<Record<string, number>> {
  return seedCatalogue(databaseUrl);
}
