import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const RENDERER_DIR = join(__dirname, '..', '..', '..', 'out', 'renderer');

export default function globalSetup(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm test does it).');
  }
}
