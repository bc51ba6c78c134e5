import { readFile } from 'node:fs/promises';
import { SignpostError } from '../errors.ts';

export class SourceError extends SignpostError {}

/** Reads JSON from a file path or an http(s) URL, following ORUK v1 / 3.0 paging for URLs. */
export async function readSource(source: string, maxPages = 500): Promise<unknown> {
  if (!/^https?:\/\//i.test(source)) {
    const text = await readFile(source, 'utf8').catch((error: unknown) => {
      throw new SourceError(`Could not read ${source}: ${(error as Error).message}`, { cause: error });
    });
    return parseJson(text, source);
  }
  const first = await fetchJson(source);
  const pages = totalPages(first);
  if (pages <= 1) return first;
  // A paged API: gather every page's items into one list.
  const items = [...itemsOf(first)];
  for (let page = 2; page <= Math.min(pages, maxPages); page++) {
    const url = new URL(source);
    url.searchParams.set('page', String(page));
    items.push(...itemsOf(await fetchJson(url.href)));
  }
  return items;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } }).catch((error: unknown) => {
    throw new SourceError(`Could not reach ${url}: ${(error as Error).message}`, { cause: error });
  });
  if (!response.ok) throw new SourceError(`${url} answered ${response.status} ${response.statusText}`);
  return parseJson(await response.text(), url);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SourceError(`${where} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

function totalPages(document: unknown): number {
  const d = document as Record<string, unknown> | null;
  const pages = d?.totalPages ?? d?.total_pages;
  return typeof pages === 'number' ? pages : 1;
}

function itemsOf(document: unknown): unknown[] {
  const d = document as Record<string, unknown> | null;
  const items = d?.content ?? d?.contents;
  return Array.isArray(items) ? items : [];
}
