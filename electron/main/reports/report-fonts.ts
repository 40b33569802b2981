/**
 * The fonts embedded in reports: DejaVu Sans (Cyrillic and Latin), shipped in resources/fonts and
 * in the packaged app under process.resourcesPath/fonts. Read once per report.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

/** Where the fonts are: the packaged app's resources, else the repository's (dev, CLI, tests). */
export function reportFontDir(): string {
  const candidates = [
    (process as { resourcesPath?: string }).resourcesPath &&
      join((process as { resourcesPath?: string }).resourcesPath as string, 'fonts'),
    // out/main/*.js and electron/main/reports/*.ts both sit below the repository root.
    resolve(__dirname, '..', '..', 'resources', 'fonts'),
    resolve(__dirname, '..', '..', '..', 'resources', 'fonts'),
    // Bundled scripts run from a temp folder (the benchmark): the repository they were run in.
    resolve(process.cwd(), 'resources', 'fonts'),
  ].filter((dir): dir is string => typeof dir === 'string');
  const found = candidates.find((dir) => existsSync(join(dir, REGULAR)));
  if (!found) throw new Error('report fonts not found (resources/fonts)');
  return found;
}

export function loadReportFonts(dir = reportFontDir()): FontFiles {
  return { regular: readFileSync(join(dir, REGULAR)), bold: readFileSync(join(dir, BOLD)) };
}
