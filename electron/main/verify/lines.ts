/**
 * Bounded reading of files that came out of a bundle, over a BagView (a folder on disk or a tar
 * read in memory): nothing from a hostile bag is read whole unless it is known to be small, and
 * no line may grow without limit (a custody log of one endless line would otherwise be buffered
 * entirely).
 */
import { type BagView, isProblem, readBagText } from '../bundles';

export class TooLong extends Error {}

/** A small file's bytes, or null when it is missing, not a regular file, or too large. */
export async function readSmallBytes(
  view: BagView,
  path: string,
  max: number,
): Promise<Uint8Array | null> {
  const bytes = await view.read(path, max);
  return isProblem(bytes) ? null : bytes;
}

/** A small file as UTF-8 text (a BOM kept), or null as above or when it is not UTF-8. */
export async function readSmallText(
  view: BagView,
  path: string,
  max: number,
): Promise<string | null> {
  const text = await readBagText(view, path, max);
  return isProblem(text) ? null : text;
}

/**
 * The file's lines (without LF, or CRLF), streamed. A line longer than `maxBytes` throws TooLong
 * as soon as it is seen; a final line without LF is still a line. A file that cannot be read
 * throws BagViewError; bytes that are not UTF-8 throw TypeError.
 */
export async function* boundedLines(
  view: BagView,
  path: string,
  maxBytes: number,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): string => {
    const line = decoder.decode(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  for await (const data of view.stream(path)) {
    let chunk = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10)) {
      if (pendingBytes + newline > maxBytes) throw new TooLong();
      pending.push(chunk.subarray(0, newline));
      yield flush();
      chunk = chunk.subarray(newline + 1);
    }
    pendingBytes += chunk.length;
    if (pendingBytes > maxBytes) throw new TooLong();
    pending.push(chunk);
  }
  if (pendingBytes > 0) yield flush();
}
