/**
 * Plaintext of an attachment never reaches the vault folder: add files holding a unique marker
 * (in UTF-8 and UTF-16LE, small and spanning chunk boundaries, and in the file name), then scan
 * every file under the vault — vault.db, its WAL and shared memory, vault.json, blobs/ — while
 * open and after close. Control: the scanner finds the marker in the source files.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLAIN_CHUNK_BYTES } from '../../electron/main/attachments';
import { scanForMarker } from '../helpers/scan';
import { createTempDirs } from '../helpers/temp';
import { drain, failingSource, openStoreFixture } from '../unit/attachments/fixture';

const dirs = createTempDirs();
afterEach(() => dirs.cleanup());

describe('no attachment plaintext in the vault folder', () => {
  it('contents and file names: zero hits in every vault file, open and closed', async () => {
    const f = await openStoreFixture(dirs);
    const marker = `МАРКЕР-${randomUUID()}-marker`;
    const sources = dirs.make('sources');
    const small = join(sources, 'small.txt');
    writeFileSync(small, `Свідчення: ${marker}\n`);
    // A marker straddling the first chunk boundary, and one in UTF-16LE.
    const straddle = join(sources, 'straddle.bin');
    const text = Buffer.from(marker, 'utf8');
    const pad = Buffer.alloc(PLAIN_CHUNK_BYTES - Math.floor(text.length / 2), 0x20);
    writeFileSync(straddle, Buffer.concat([pad, text, Buffer.from(marker, 'utf16le'), pad]));

    const t = f.testimony();
    const a = await f.store.add(t, small, `${marker}.txt`);
    const b = await f.store.add(t, straddle);
    // A failed intake writes nothing readable either.
    await f.store.addStream(t, failingSource(100_000), `${marker}-failed.bin`).catch(() => {});
    // Reading back and exporting elsewhere do not leave plaintext in the vault.
    expect((await drain(await f.store.open(a.id))).bytes.toString()).toContain(marker);
    await f.store.exportTo(b.id, join(dirs.make('exports'), 'out.bin'));

    // While open: the WAL holds the newest pages, so it must be there to be scanned.
    expect(readdirSync(f.dir)).toEqual(expect.arrayContaining(['vault.db-wal', 'blobs']));
    expect(readdirSync(f.blobsDir)).toHaveLength(2);
    expect(scanForMarker(f.dir, marker)).toEqual([]);
    f.close();
    expect(scanForMarker(f.dir, marker)).toEqual([]);

    // Control: the scanner finds the marker where it is in plaintext on purpose.
    expect(scanForMarker(sources, marker)).toEqual([
      `${small} [utf8]`,
      `${straddle} [utf8,utf16le]`,
    ]);
  });
});
