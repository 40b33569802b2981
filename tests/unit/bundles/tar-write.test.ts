/**
 * The tar writer: names made harmless, nothing about the machine in a header, declared sizes
 * enforced, and what it writes read back by our own reader (GNU tar reads it in the interop test).
 */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../electron/main/bundles/tar-format';
import { listTar } from '../../../electron/main/bundles/tar-read';
import { safeEntryName, TarWriter, writableSink } from '../../../electron/main/bundles/tar-write';
import { catchAppError, catchAppErrorSync } from '../../helpers/app-error';
import { chunksOf, generated, memorySink } from './tar-fixture';

const MTIME = 1_700_000_000;

async function list(bytes: Buffer) {
  const out = [];
  for await (const entry of listTar(chunksOf(bytes))) out.push(entry);
  return out;
}

describe('safeEntryName', () => {
  it.each([
    ['../../etc/passwd', 'etc/passwd'],
    ['/absolute/path.txt', 'absolute/path.txt'],
    ['a/./b//c', 'a/b/c'],
    ['C:\\Users\\x\\photo.jpg', 'C_/Users/x/photo.jpg'],
    ['data/\u202Egnp.exe', 'data/gnp.exe'],
    ['data/line\nbreak\r.txt', 'data/linebreak.txt'],
    ['data/.hidden', 'data/hidden'],
    ['data/Фото\u0306.jpg'.normalize('NFD'), 'data/Фото\u0306.jpg'.normalize('NFC')],
  ])('%j becomes %j', (input, expected) => {
    expect(safeEntryName(input)).toBe(expected);
  });

  it('keeps every component within 255 bytes', () => {
    const name = safeEntryName(`data/${'я'.repeat(300)}.txt`);
    for (const part of name.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
  });

  it.each(['', '/', '..', '../..', './.'])('refuses %j, which names nothing', (input) => {
    expect(catchAppErrorSync(() => safeEntryName(input)).code).toBe('BAD_INPUT');
  });
});

describe('TarWriter', () => {
  it('writes headers with mode 0644, uid/gid 0, no owner names and the fixed mtime', async () => {
    const sink = memorySink();
    const tar = new TarWriter(sink, { mtime: MTIME });
    await tar.addBuffer('bag/bagit.txt', Buffer.from('hello'));
    const total = await tar.finish();
    const bytes = sink.bytes();
    expect(total).toBe(bytes.length);
    expect(bytes.length).toBe(512 + 512 + 1024);
    const header = bytes.subarray(0, 512);
    expect(parseHeader(header)).toMatchObject({ kind: 'posix', size: 5, typeflag: '0' });
    expect(header.toString('latin1', 100, 108)).toBe('0000644\0');
    expect(header.toString('latin1', 108, 124)).toBe('0000000\u00000000000\0');
    expect(header.subarray(265, 329).every((b) => b === 0)).toBe(true); // uname, gname
    expect(parseInt(header.toString('latin1', 136, 147), 8)).toBe(MTIME);
  });

  it('carries long and non-ASCII names in a pax header, read back exactly', async () => {
    const sink = memorySink();
    const tar = new TarWriter(sink, { mtime: 0 });
    const long = `bag/data/${'x'.repeat(150)}.txt`;
    const cyrillic = 'bag/data/свідчення/Протокол допиту.txt';
    expect(await tar.addBuffer(long, Buffer.from('a'))).toBe(long);
    expect(await tar.addBuffer(cyrillic, Buffer.from('б'))).toBe(cyrillic);
    await tar.finish();
    const entries = await list(sink.bytes());
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      [long, 1],
      [cyrillic, 2],
    ]);
  });

  it('is deterministic: the same entries give the same bytes', async () => {
    const build = async () => {
      const sink = memorySink();
      const tar = new TarWriter(sink, { mtime: MTIME });
      await tar.addFile('b/data/big.bin', 100_000, generated(100_000, 7));
      await tar.addBuffer('b/data/empty', new Uint8Array(0));
      await tar.finish();
      return sink.bytes();
    };
    expect((await build()).equals(await build())).toBe(true);
  });

  it('refuses a source shorter than declared (BUNDLE_SIZE_MISMATCH) and then any further entry', async () => {
    const tar = new TarWriter(memorySink(), { mtime: 0 });
    const error = await catchAppError(() => tar.addFile('b/short', 10, chunksOf(Buffer.alloc(9))));
    expect(error.code).toBe('BUNDLE_SIZE_MISMATCH');
    expect(error.message).toContain('b/short');
    expect((await catchAppError(() => tar.addBuffer('b/next', Buffer.alloc(1)))).code).toBe(
      'INTERNAL',
    );
  });

  it('never writes past the declared size of a source that runs long', async () => {
    const sink = memorySink();
    const tar = new TarWriter(sink, { mtime: 0 });
    const error = await catchAppError(() =>
      tar.addFile('b/long', 10, chunksOf(Buffer.alloc(6, 1), Buffer.alloc(6, 2))),
    );
    expect(error.code).toBe('BUNDLE_SIZE_MISMATCH');
    expect(sink.bytes().length).toBe(512 + 6);
  });

  it('refuses two entries that end up with one name, and a file where a folder must be', async () => {
    const tar = new TarWriter(memorySink(), { mtime: 0 });
    await tar.addBuffer('b/data/a.txt', Buffer.from('1'));
    const dup = new TarWriter(memorySink(), { mtime: 0 });
    await dup.addBuffer('b/data/a.txt', Buffer.from('1'));
    expect(
      (await catchAppError(() => dup.addBuffer('b//data/./a.txt', Buffer.from('2')))).code,
    ).toBe('BAD_INPUT');
    expect(
      (await catchAppError(() => tar.addBuffer('b/data/a.txt/inner', Buffer.from('2')))).code,
    ).toBe('BAD_INPUT');
  });

  it('refuses an mtime outside the octal field', () => {
    expect(catchAppErrorSync(() => new TarWriter(memorySink(), { mtime: -1 })).code).toBe(
      'BAD_INPUT',
    );
    expect(catchAppErrorSync(() => new TarWriter(memorySink(), { mtime: 2 ** 40 })).code).toBe(
      'BAD_INPUT',
    );
  });

  it('waits for a slow Writable (backpressure) and delivers every byte', async () => {
    const through = new PassThrough({ highWaterMark: 1024 });
    const received: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of through) {
        received.push(chunk as Buffer);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const tar = new TarWriter(through, { mtime: 0 });
    await tar.addFile('b/data/x.bin', 300_000, generated(300_000));
    await tar.finish();
    through.end();
    await reading;
    const entries = await list(Buffer.concat(received));
    expect(entries[0]?.size).toBe(300_000);
  });

  it('fails, rather than hangs, when its Writable errors', async () => {
    const failing = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        callback(new Error('ENOSPC: disk full'));
      },
    });
    const sink = writableSink(failing);
    const tar = new TarWriter(sink, { mtime: 0 });
    await expect(tar.addFile('b/data/x.bin', 100_000, generated(100_000))).rejects.toThrow(
      /ENOSPC/u,
    );
  });
});
