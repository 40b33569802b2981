/**
 * The first step of both readers of a bundle: the age plaintext streams straight into a consumer
 * of the tar (extractTar for the CLI, scanTar in memory for the app) in one pass. A failure of the
 * age stream (a damaged chunk) is told apart from a refusal of the archive by remembering what the
 * decrypting side threw; each becomes the 'decrypt' or 'extract' check that names it.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { isAppError } from '../../../shared/errors';
import { decryptAge } from '../bundles';
import type { TarSource } from '../bundles';
import type { Checks } from './report';

export async function decryptTar<T extends { name: string; size: number }>(
  bundlePath: string,
  identity: string,
  consume: (tar: TarSource) => Promise<T[]>,
  checks: Checks,
): Promise<T[] | null> {
  const name = basename(bundlePath);
  const file = createReadStream(bundlePath, { highWaterMark: 64 * 1024 });
  try {
    let plaintext;
    try {
      plaintext = await decryptAge(file, { identity });
    } catch (error) {
      checks.add('decrypt', false, `${name}: ${describe(error)}`);
      return null;
    }
    let ageFailure: unknown;
    const tracked = async function* (): AsyncGenerator<Uint8Array> {
      try {
        for await (const chunk of plaintext) yield chunk as Uint8Array;
      } catch (error) {
        ageFailure = error;
        throw error;
      }
    };
    let entries: T[];
    try {
      entries = await consume(tracked());
    } catch (error) {
      if (ageFailure !== undefined) {
        checks.add('decrypt', false, `${name}: ${describe(ageFailure)}`);
      } else {
        checks.add(
          'decrypt',
          true,
          `${name}: opened with the given identity (read up to the refusal)`,
        );
        checks.add('extract', false, describe(error));
      }
      return null;
    }
    checks.add(
      'decrypt',
      true,
      `${name}: opened with the given identity, every chunk authenticated`,
    );
    return entries;
  } finally {
    file.destroy();
  }
}

/**
 * The one top folder every entry is under (the bundle id), or null after an 'extract' failure.
 * `isFolder` confirms it is a folder and nothing else stands beside it.
 */
export async function topFolder(
  entries: ReadonlyArray<{ name: string; size: number }>,
  isFolder: (top: string) => Promise<boolean>,
  checks: Checks,
): Promise<string | null> {
  const tops = new Set(entries.map((entry) => entry.name.split('/')[0]));
  const [top] = tops;
  if (top === undefined || tops.size !== 1 || !(await isFolder(top))) {
    checks.add(
      'extract',
      false,
      `the archive must hold one top folder, found ${[...tops].slice(0, 5).join(', ')}`,
    );
    return null;
  }
  const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
  checks.add('extract', true, `${top}/: ${entries.length} files, ${bytes} bytes, nothing unsafe`);
  return top;
}

export function describe(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
