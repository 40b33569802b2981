/**
 * Entry names of bundle archives, on both sides. The writer makes every name harmless before it
 * enters a tar (`safeEntryName`); the reader trusts nothing and refuses any name that could land
 * outside its target folder or mean different things to different tools (`checkArchiveName`).
 */
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../attachments';

/** Longest whole entry name, in UTF-8 bytes: far below PATH_MAX (4096) once joined to a target. */
export const MAX_ENTRY_NAME_BYTES = 1024;
/** Longest path component, in UTF-8 bytes (the usual file-system limit). */
export const MAX_COMPONENT_BYTES = 255;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * A relative, '/'-separated, NFC entry name whose every component is a `safeFileName` (no
 * control or bidi characters, no separators, no leading dot, no device name, ≤ 200 bytes).
 * Empty, '.' and '..' components are dropped, not interpreted: a caller's '..' never climbs.
 * Backslashes count as separators so a Windows path keeps its structure instead of one odd name.
 * Throws BAD_INPUT when nothing is left or the whole name is too long.
 */
export function safeEntryName(name: string): string {
  const components = name
    .split(/[/\\]/u)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .map((part) => safeFileName(part));
  const safe = components.join('/');
  if (components.length === 0) throw new AppError('BAD_INPUT', 'An archive entry needs a name');
  if (bytes(safe) > MAX_ENTRY_NAME_BYTES) {
    throw new AppError('BAD_INPUT', 'An archive entry name is too long');
  }
  return safe;
}

/**
 * Control characters (C0, DEL, C1), backslash (a separator on Windows) and ':' (a drive letter
 * or an NTFS alternate stream). None occurs in a name Svidok writes.
 */
const REFUSED_CHARACTERS = /[\p{Cc}\\:]/u;

/**
 * The components of an archive entry name, or the reason it is refused. A trailing '/' is allowed
 * on directories; '.' components and repeated slashes are dropped (GNU tar writes "./x"); an
 * absolute name, any '..', a refused character or an over-long name or component is refused.
 * Returns [] for the archive root ("./"), which callers skip. Components are returned as stored;
 * callers compare them in NFC to catch names that differ only in normalisation.
 */
export function checkArchiveName(
  name: string,
  isDirectory: boolean,
): { ok: true; components: string[] } | { ok: false; reason: string } {
  if (name.length === 0) return { ok: false, reason: 'empty name' };
  if (name.startsWith('/')) return { ok: false, reason: 'absolute path' };
  if (REFUSED_CHARACTERS.test(name)) return { ok: false, reason: 'refused character in name' };
  if (bytes(name) > MAX_ENTRY_NAME_BYTES) return { ok: false, reason: 'name too long' };
  if (!isDirectory && name.endsWith('/')) return { ok: false, reason: 'file name ends in /' };
  const components = name.split('/').filter((part) => part !== '' && part !== '.');
  if (components.includes('..')) return { ok: false, reason: "'..' in path" };
  if (components.some((part) => bytes(part) > MAX_COMPONENT_BYTES)) {
    return { ok: false, reason: 'path component too long' };
  }
  if (!isDirectory && components.length === 0) return { ok: false, reason: 'empty name' };
  return { ok: true, components };
}
