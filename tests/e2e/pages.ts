import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const outDir = process.env.SIGNPOST_OUT_DIR ?? './dist-test';

export function builtFiles(dir: string = outDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

/** Every HTML page the build produced, as URL paths. */
export function builtPages(): string[] {
  return builtFiles()
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${relative(outDir, f).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}
