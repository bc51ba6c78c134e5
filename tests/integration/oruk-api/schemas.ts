import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The Open Referral UK 3.0 JSON schemas, kept in tests/fixtures/oruk-uk-profile-3.0 (see its
 * SOURCE.md), compiled with Ajv. They carry table-package keywords (`constraints`, `core`,
 * `datapackage_metadata`) that are not JSON Schema, hence strict mode off.
 */
const dir = new URL('../../fixtures/oruk-uk-profile-3.0/', import.meta.url);
const load = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, unknown>;

export const schemaFiles = {
  service: 'service.json',
  service_list: 'service_list.json',
  organization: 'organization.json',
  organization_list: 'organization_list.json',
  service_at_location: 'service_at_location.json',
  service_at_location_list: 'service_at_location_list.json',
  taxonomy: 'taxonomy.json',
  taxonomy_term: 'taxonomy_term.json',
} as const;
export type SchemaName = keyof typeof schemaFiles;

const openapi = load('openapi.json') as {
  paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Record<string, unknown> } } } } } }>;
  components: { schemas: { Page: Record<string, unknown> } };
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// taxonomy.json refers to its terms as "taxonomy_term.json".
ajv.addSchema(load('taxonomy_term.json'), 'taxonomy_term.json');

const compiled = new Map<string, ValidateFunction>();
function validatorFor(name: SchemaName | 'page' | 'root'): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const schema =
      name === 'page'
        ? {
            ...openapi.components.schemas.Page,
            // The openapi document lists the envelope's fields; every answer must carry them all.
            required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
          }
        : name === 'root'
          ? { ...openapi.paths['/']!.get.responses[200].content['application/json'].schema, required: ['version', 'profile'] }
          : name === 'taxonomy_term'
            ? { $ref: 'taxonomy_term.json' }
            : load(schemaFiles[name]);
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/**
 * The one documented deviation (docs/catalogue.md): taxonomies and their terms keep readable
 * ids (`signpost-needs`, `need-housing`, a publisher's own), so a uuid-format complaint is accepted
 * on a taxonomy or term id, and on nothing else.
 */
function isTaxonomyIdDeviation(error: ErrorObject, name: string): boolean {
  if (error.keyword !== 'format' || (error.params as { format?: string }).format !== 'uuid') return false;
  const path = error.instancePath;
  return (
    name === 'taxonomy' ||
    name === 'taxonomy_term' ||
    /\/(taxonomy_id|taxonomy_term_id|parent_id)$/.test(path) ||
    /\/(taxonomy_term|taxonomy_detail)\/id$/.test(path)
  );
}

/** What is wrong with a document against a schema, as readable lines; empty when it conforms. */
export function schemaProblems(name: SchemaName | 'page' | 'root', document: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(document)) return [];
  return (validate.errors ?? [])
    .filter((e) => !isTaxonomyIdDeviation(e, name))
    .map((e) => `${name}${e.instancePath} ${e.message ?? e.keyword}${e.keyword === 'format' ? ` (${JSON.stringify(e.data)})` : ''}`);
}

/** The ORUK validator's paging rules: the envelope agrees with itself and with what was asked. */
export function pagingProblems(page: Record<string, unknown>, asked: { page: number; per_page: number }): string[] {
  const problems = schemaProblems('page', page);
  const p = page as { total_items: number; total_pages: number; page_number: number; size: number; contents: unknown[] };
  const expectedPages = Math.max(1, Math.ceil(p.total_items / asked.per_page));
  if (p.page_number !== asked.page) problems.push(`page_number is ${p.page_number}, asked for ${asked.page}`);
  if (p.size !== p.contents.length) problems.push(`size ${p.size} but ${p.contents.length} items`);
  if (p.total_pages !== expectedPages) problems.push(`total_pages ${p.total_pages}, expected ${expectedPages}`);
  if (page.first_page !== (asked.page === 1)) problems.push('first_page is wrong');
  if (page.last_page !== asked.page >= expectedPages) problems.push('last_page is wrong');
  if (page.empty !== (p.contents.length === 0)) problems.push('empty is wrong');
  if (p.contents.length > asked.per_page) problems.push(`more items (${p.contents.length}) than per_page`);
  return problems;
}
