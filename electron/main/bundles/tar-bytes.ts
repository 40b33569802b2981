/**
 * Exact reads over a stream of chunks, for the tar reader: whole 512-byte headers, and file
 * bodies passed through chunk by chunk without copying. Holds at most one chunk plus a header.
 */
import { AppError } from '../../../shared/errors';

/** A Node Readable (not in object or text mode) or any async iterable of bytes. */
export type TarSource = AsyncIterable<unknown>;

const truncated = () => new AppError('BUNDLE_UNREADABLE', 'Archive unreadable: it is cut short');

export class ByteSource {
  private readonly iterator: AsyncIterator<unknown>;
  private pending: Buffer = Buffer.alloc(0);
  private ended = false;
  /** Bytes of the current file body not yet handed out by `take`. */
  bodyLeft = 0;

  constructor(source: TarSource) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Reads one more chunk into `pending`; false at the end of the stream. */
  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    const value: unknown = next.value;
    if (!(value instanceof Uint8Array)) {
      throw new AppError('INTERNAL', 'The archive source yielded text, not bytes');
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return true;
  }

  /** Exactly `n` bytes; null when the stream ended cleanly before any; throws when cut short. */
  async exact(n: number): Promise<Buffer | null> {
    while (this.pending.length < n) {
      if (!(await this.pull())) {
        if (this.pending.length === 0) return null;
        throw truncated();
      }
    }
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  async exactOrThrow(n: number): Promise<Buffer> {
    if (n === 0) return Buffer.alloc(0);
    const out = await this.exact(n);
    if (out === null) throw truncated();
    return out;
  }

  /** The next `n` bytes as they arrive; throws when the stream ends first. */
  async *take(n: number): AsyncGenerator<Buffer> {
    this.bodyLeft = n;
    while (this.bodyLeft > 0) {
      if (this.pending.length === 0 && !(await this.pull())) throw truncated();
      const chunk = this.pending.subarray(0, this.bodyLeft);
      this.pending = this.pending.subarray(chunk.length);
      this.bodyLeft -= chunk.length;
      yield chunk;
    }
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.pull())) throw truncated();
      const step = Math.min(left, this.pending.length);
      this.pending = this.pending.subarray(step);
      left -= step;
    }
    this.bodyLeft = 0;
  }

  /** Whether everything left is zero bytes (the padding GNU tar adds up to a 10 KiB record). */
  async restIsZero(): Promise<boolean> {
    do {
      if (this.pending.some((byte) => byte !== 0)) return false;
      this.pending = Buffer.alloc(0);
    } while (await this.pull());
    return true;
  }

  /** Stops the source (destroys a Readable) when reading ends early. */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
  }
}
