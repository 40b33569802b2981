/**
 * A streaming tar writer for bundles. Entries go out as they are added, chunk by chunk, so an
 * archive of any size passes through a small buffer: the bundle is never whole in memory.
 *
 * Output is a `ChunkSink` (an async `write`), so the tar composes with whatever follows it: an
 * age-encrypting stage, a temp file that is fsynced and renamed, a hash. Node Writables are
 * adapted with `writableSink`, which honours backpressure. The writer never ends or closes its
 * output: the caller flushes, fsyncs and renames.
 *
 * Every entry is a regular file (typeflag '0'), mode 0644, uid/gid 0, no owner names and one
 * mtime given by the caller, so two exports of the same content are the same bytes and nothing in
 * the archive names the interviewer's machine or account. Names longer than the 100-byte ustar
 * field or not plain ASCII travel in a pax extended header ('x', `path=`), which GNU tar, bsdtar
 * and 7-Zip read. Directories are implied by file names and are not written as entries.
 */
import type { Writable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { BLOCK, encodeHeader, encodePaxRecords, MAX_OCTAL_SIZE, paddingFor } from './tar-format';
import { safeEntryName } from './tar-names';

export { safeEntryName } from './tar-names';

/** Where the archive's bytes go. `write` resolves when the sink can take more. */
export interface ChunkSink {
  write(chunk: Uint8Array): Promise<void>;
}

export type EntrySource = AsyncIterable<Uint8Array>;

/**
 * A sink over a Node Writable: waits for 'drain' when the stream's buffer is full, and fails the
 * next write (or the wait) when the stream errors or closes, so an export never hangs on a dead
 * file or pipeline.
 */
export function writableSink(stream: Writable): ChunkSink {
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    async write(chunk) {
      if (failure !== undefined) throw failure;
      if (stream.destroyed || stream.writableEnded) throw new Error('The output stream is closed');
      if (stream.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const done = (error?: unknown) => {
          stream.off('drain', onDrain);
          stream.off('error', onError);
          stream.off('close', onClose);
          if (error === undefined) resolve();
          else reject(error);
        };
        const onDrain = () => done();
        const onError = (error: unknown) => done(error);
        const onClose = () => done(failure ?? new Error('The output stream closed'));
        stream.on('drain', onDrain);
        stream.on('error', onError);
        stream.on('close', onClose);
      });
    },
  };
}

export interface TarWriterOptions {
  /** Seconds since 1970 written as every entry's mtime: a fixed, caller-chosen time. */
  mtime: number;
}

const ZERO_BLOCKS = Buffer.alloc(2 * BLOCK);

export class TarWriter {
  private readonly sink: ChunkSink;
  private readonly mtime: number;
  /** Names of file entries, and folders they imply, to refuse collisions before any byte. */
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();
  private written = 0;
  private state: 'ready' | 'busy' | 'failed' | 'finished' = 'ready';

  constructor(output: ChunkSink | Writable, options: TarWriterOptions) {
    if (
      !Number.isSafeInteger(options.mtime) ||
      options.mtime < 0 ||
      options.mtime > MAX_OCTAL_SIZE
    ) {
      throw new AppError('BAD_INPUT', 'The archive time is out of range');
    }
    this.sink = isChunkSink(output) ? output : writableSink(output);
    this.mtime = options.mtime;
  }

  /** Bytes handed to the output so far (for progress). */
  get bytesWritten(): number {
    return this.written;
  }

  /**
   * Streams one file of exactly `size` bytes from `source` under `safeEntryName(name)`, which it
   * returns. Bytes beyond `size` are never written, and a source that ends early or runs long
   * throws BUNDLE_SIZE_MISMATCH; the archive is then unusable and the writer refuses more.
   */
  async addFile(name: string, size: number, source: EntrySource): Promise<string> {
    this.begin();
    try {
      if (!Number.isSafeInteger(size) || size < 0) {
        throw new AppError('BAD_INPUT', 'An archive entry size must be a whole number of bytes');
      }
      const entryName = this.claim(safeEntryName(name));
      await this.writeHeaders(entryName, size);
      let received = 0;
      for await (const chunk of source) {
        if (!(chunk instanceof Uint8Array)) {
          throw new AppError('INTERNAL', 'An archive entry source yielded text, not bytes');
        }
        if (received + chunk.length > size) throw sizeMismatch(entryName);
        received += chunk.length;
        if (chunk.length > 0) await this.emit(chunk);
      }
      if (received !== size) throw sizeMismatch(entryName);
      const padding = paddingFor(size);
      if (padding > 0) await this.emit(ZERO_BLOCKS.subarray(0, padding));
      this.state = 'ready';
      return entryName;
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
  }

  /** A small file already in memory (tag files, JSON). */
  async addBuffer(name: string, bytes: Uint8Array): Promise<string> {
    return this.addFile(name, bytes.length, single(bytes));
  }

  /** Writes the end-of-archive marker (two zero blocks). The output is left open for the caller. */
  async finish(): Promise<number> {
    this.begin();
    try {
      await this.emit(ZERO_BLOCKS);
      this.state = 'finished';
      return this.written;
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
  }

  private begin(): void {
    if (this.state !== 'ready') {
      // A programming error (entries interleaved, or used after a failure or finish).
      throw new AppError('INTERNAL', `The archive writer is ${this.state}`);
    }
    this.state = 'busy';
  }

  /** Refuses a duplicate name, or a file where another entry needs a folder (or the reverse). */
  private claim(name: string): string {
    const parts = name.split('/');
    const parents = parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
    if (this.files.has(name) || this.folders.has(name) || parents.some((p) => this.files.has(p))) {
      throw new AppError('BAD_INPUT', `Two archive entries would share the name ${name}`);
    }
    this.files.add(name);
    for (const parent of parents) this.folders.add(parent);
    return name;
  }

  private async writeHeaders(name: string, size: number): Promise<void> {
    const encoded = Buffer.from(name, 'utf8');
    const plain = encoded.length <= 100 && /^[\u0020-\u007e]*$/u.test(name);
    const records: Array<[string, string]> = [];
    if (!plain) records.push(['path', name]);
    if (size > MAX_OCTAL_SIZE) records.push(['size', String(size)]);
    const fallback = plain ? encoded : Buffer.from(asciiFallback(name), 'latin1');
    if (records.length > 0) {
      const pax = encodePaxRecords(records);
      const paxName = Buffer.from(`PaxHeaders/${asciiFallback(name).split('/').pop() ?? ''}`);
      await this.emit(
        encodeHeader({
          name: paxName.subarray(0, 100),
          size: pax.length,
          mtime: this.mtime,
          typeflag: 'x',
        }),
      );
      await this.emit(Buffer.concat([pax, Buffer.alloc(paddingFor(pax.length))]));
    }
    await this.emit(encodeHeader({ name: fallback, size, mtime: this.mtime, typeflag: '0' }));
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    await this.sink.write(chunk);
    this.written += chunk.length;
  }
}

/**
 * The name a reader without pax support would see: printable ASCII, at most 100 bytes, and still
 * a harmless relative path (cutting could otherwise leave '.', '..' or an empty component).
 */
function asciiFallback(name: string): string {
  return name
    .replace(/[^\u0020-\u007e]/gu, '_')
    .slice(0, 100)
    .split('/')
    .map((part) => (part === '' || part === '.' || part === '..' ? '_' : part))
    .join('/');
}

function sizeMismatch(name: string): AppError {
  return new AppError(
    'BUNDLE_SIZE_MISMATCH',
    `The file for ${name} changed size while the bundle was being written`,
  );
}

function isChunkSink(output: ChunkSink | Writable): output is ChunkSink {
  return !('pipe' in output) && typeof output.write === 'function';
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
