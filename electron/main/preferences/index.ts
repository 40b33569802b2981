/**
 * Preferences in a small JSON file beside the vault, written atomically. A damaged file falls
 * back to the defaults rather than keeping the app from starting.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { preferencesSchema } from '../../../shared/preferences';
import type { Preferences } from '../../../shared/preferences';
import { writeFileAtomic } from '../files';

const MAX_BYTES = 16 * 1024;

export class PreferencesStore {
  constructor(private readonly path: string) {}

  get(): Preferences {
    try {
      const text = readFileSync(this.path, 'utf8');
      if (text.length > MAX_BYTES) return preferencesSchema.parse({});
      const parsed = preferencesSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : preferencesSchema.parse({});
    } catch {
      return preferencesSchema.parse({});
    }
  }

  update(patch: Partial<Preferences>): Preferences {
    const next = preferencesSchema.parse({ ...this.get(), ...patch });
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n');
    return next;
  }
}
