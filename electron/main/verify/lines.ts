/**
 * Bounded reading of files that came out of a bundle: nothing from a hostile bag is read whole
 * unless it is known to be small, and no line may grow without limit (a custody log of one
 * endless line would otherwise be buffered entirely).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export class TooLong extends Error {}

/** A small file's bytes, or null when it is missing, not a regular file, or too large. */
export async function readSmallBytes(path: string, max: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > max) return null;
    return await handle.readFile();
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** A small file as UTF-8 text (a BOM kept), or null as above or when it is not UTF-8. */
export async function readSmallText(path: string, max: number): Promise<string | null> {
  const bytes = await readSmallBytes(path, max);
  if (bytes === null) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The file's lines (without LF, or CRLF), streamed. A line longer than `maxBytes` throws TooLong
 * as soon as it is seen; a final line without LF is still a line.
 */
export async function* boundedLines(path: string, maxBytes: number): AsyncGenerator<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): string => {
    const line = decoder.decode(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  };
  try {
    for await (const data of handle.createReadStream({
      highWaterMark: 64 * 1024,
      autoClose: false,
    })) {
      let chunk = data as Buffer;
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
  } finally {
    await handle.close();
  }
}
