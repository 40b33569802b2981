/**
 * File names of attachments. The original name is evidence and is stored exactly as given; only
 * names no file system could have produced are refused. Anything that later writes a file named
 * after an attachment goes through `safeFileName`, which never yields a path, a hidden file, a
 * device name or text that reads in a different order than it is stored.
 */
import { AppError } from '../../../shared/errors';

/** Longest original name accepted, in UTF-8 bytes (file systems allow 255; paths run longer). */
export const MAX_ORIGINAL_NAME_BYTES = 1024;
/** Longest name `safeFileName` returns, in UTF-8 bytes, leaving room under the usual 255. */
export const MAX_SAFE_NAME_BYTES = 200;
/** Longest extension kept whole when a long name is shortened. */
const MAX_EXTENSION_BYTES = 32;
const FALLBACK_NAME = 'attachment';
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Refuses (BAD_INPUT) a name that cannot be stored exactly: empty, containing NUL (no file system
 * allows it, and C code would cut the name there), a lone UTF-16 surrogate (not encodable as
 * UTF-8, so it would be changed on the way into the database), or longer than 1024 UTF-8 bytes.
 */
export function assertStorableFileName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new AppError('BAD_INPUT', 'A file name is required');
  }
  if (name.includes('\u0000')) throw new AppError('BAD_INPUT', 'The file name contains NUL');
  if (/\p{Cs}/u.test(name)) {
    throw new AppError('BAD_INPUT', 'The file name is not valid Unicode');
  }
  if (utf8Bytes(name) > MAX_ORIGINAL_NAME_BYTES) {
    throw new AppError('BAD_INPUT', 'The file name is too long');
  }
}

/**
 * Separators of any platform, characters Windows forbids in names, and look-alike slashes that a
 * later compatibility normalisation (NFKC) would turn into real ones.
 */
const REPLACED = /[/\\<>:"|?*\u2044\u2215\u29f8\uff0f\uff3c]/gu;
/**
 * Controls (C0, DEL, C1), format characters (bidi marks, embeddings, overrides and isolates such
 * as U+202E, zero-width spaces, the BOM, soft hyphen), lone surrogates, and the line and paragraph
 * separators: invisible, or able to reorder what a reader sees. The zero-width joiner and
 * non-joiner stay: scripts and emoji sequences need them, and they reorder nothing.
 */
const REMOVED = /[\p{Cc}\p{Cs}\u2028\u2029]|(?![\u200c\u200d])\p{Cf}/gu;
/** Device names Windows reserves with any extension (`con.txt` too), in any case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/iu;

/**
 * A name that is safe to create as a file in a folder of our choosing, on Windows, macOS and
 * Linux: one path component, no leading dot, no trailing dot or space, no device name, no
 * control or bidi characters, at most 200 UTF-8 bytes with the extension kept. Not injective
 * (two names may map to one): callers that write several files still make each name unique.
 */
export function safeFileName(name: string): string {
  let safe = name
    .replace(REMOVED, '')
    .normalize('NFC')
    .replace(REPLACED, '_')
    .replace(/\s+/gu, ' ');
  safe = trimEnds(safe);
  const stem = safe.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(stem.trimEnd())) safe = `_${safe}`;
  safe = trimEnds(truncate(safe, MAX_SAFE_NAME_BYTES));
  return safe === '' ? FALLBACK_NAME : safe;
}

/** Leading dots and spaces (hidden files, `..`); trailing dots and spaces (Windows drops them). */
function trimEnds(name: string): string {
  return name.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

/**
 * Shortens `name` to at most `maxBytes` UTF-8 bytes, cutting whole grapheme clusters (never a
 * letter from its accent or half of an emoji) and keeping a short extension.
 */
function truncate(name: string, maxBytes: number): string {
  if (utf8Bytes(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  const keepExtension =
    extension.length > 1 && utf8Bytes(extension) <= MAX_EXTENSION_BYTES && !/\s/u.test(extension);
  const stem = keepExtension ? name.slice(0, dot) : name;
  const suffix = keepExtension ? extension : '';
  const budget = maxBytes - utf8Bytes(suffix);
  let out = '';
  let used = 0;
  for (const { segment } of GRAPHEMES.segment(stem)) {
    const size = utf8Bytes(segment);
    if (used + size > budget) break;
    out += segment;
    used += size;
  }
  return trimEnds(out) + suffix;
}
