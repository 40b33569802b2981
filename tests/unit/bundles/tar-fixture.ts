/**
 * Hand-built tar bytes for the hostile-archive tests (a real tool would refuse to write most of
 * them), generated streams that are never whole in memory, and a sink that collects a tar.
 */
import { checksum } from '../../../electron/main/bundles/tar-format';
import type { ChunkSink } from '../../../electron/main/bundles/tar-write';

export interface RawHeader {
  name: string;
  size?: number;
  typeflag?: string;
  linkname?: string;
  prefix?: string;
  /** 'posix' (default), 'gnu' or an arbitrary 8-byte magic+version. */
  magic?: 'posix' | 'gnu' | string;
  /** Overrides the computed checksum. */
  checksum?: number;
}

export function rawHeader(header: RawHeader): Buffer {
  const block = Buffer.alloc(512);
  Buffer.from(header.name, 'utf8').copy(block, 0, 0, 100);
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  block.write(`${(header.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write('00000000000\0', 136, 'latin1');
  block.write(header.typeflag ?? '0', 156, 'latin1');
  Buffer.from(header.linkname ?? '', 'utf8').copy(block, 157, 0, 100);
  const magic =
    header.magic === undefined || header.magic === 'posix'
      ? 'ustar\u000000'
      : header.magic === 'gnu'
        ? 'ustar  \u0000'
        : header.magic;
  block.write(magic, 257, 'latin1');
  Buffer.from(header.prefix ?? '', 'utf8').copy(block, 345, 0, 155);
  const sum = header.checksum ?? checksum(block);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

/** Body bytes padded to whole blocks. */
export function body(content: string | Buffer): Buffer {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.concat([bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)]);
}

/** A pax 'x' header plus its records, for the entry that follows. */
export function paxHeader(records: Record<string, string>): Buffer {
  let data = '';
  for (const [key, value] of Object.entries(records)) {
    const rest = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(rest) + 1;
    while (String(length).length + Buffer.byteLength(rest) !== length) {
      length = String(length).length + Buffer.byteLength(rest);
    }
    data += `${length}${rest}`;
  }
  return Buffer.concat([
    rawHeader({ name: 'PaxHeaders/x', typeflag: 'x', size: Buffer.byteLength(data) }),
    body(data),
  ]);
}

export const END = Buffer.alloc(1024);

export function file(name: string, content: string, extra: Partial<RawHeader> = {}): Buffer {
  return Buffer.concat([
    rawHeader({ name, size: Buffer.byteLength(content), ...extra }),
    body(content),
  ]);
}

export async function* chunksOf(...buffers: Buffer[]): AsyncGenerator<Uint8Array> {
  for (const buffer of buffers) yield buffer;
}

/**
 * `size` deterministic pseudo-random bytes in 64 KiB chunks, produced as read: a 20 MB file in a
 * test without 20 MB in memory.
 */
export async function* generated(size: number, seed = 1): AsyncGenerator<Uint8Array> {
  let state = seed >>> 0 || 1;
  let left = size;
  while (left > 0) {
    const length = Math.min(left, 64 * 1024);
    const words = Buffer.alloc(Math.ceil(length / 4) * 4);
    for (let i = 0; i < words.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words.writeUInt32LE(state >>> 0, i);
    }
    const chunk = words.subarray(0, length);
    left -= chunk.length;
    yield chunk;
  }
}

/** A sink collecting everything written, for archives small enough to hold in a test. */
export function memorySink(): ChunkSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    async write(chunk) {
      chunks.push(Buffer.from(chunk));
    },
    bytes: () => Buffer.concat(chunks),
  };
}
