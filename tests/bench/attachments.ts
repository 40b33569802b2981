/**
 * Attachment intake (SHA-256 of the original, secretstream encryption into blobs/, the row and its
 * custody entry) against plain copies of the same file: a streamed copy that also hashes and
 * fsyncs (the same work without encryption) and the OS's own copy (fs.copyFile). Taking turns.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createApi } from '../../electron/main/api';
import { AttachmentStore } from '../../electron/main/attachments';
import { silentLogger } from '../../electron/main/log';
import { KDF_FLOOR } from '../../electron/main/vault';
import { recordConsent } from '../helpers/consent';
import { makeFile } from './random-file';
import { PASSPHRASE } from '../helpers/kdf';
import { median } from './stats';

export interface AttachmentsResult {
  readonly fileBytes: number;
  readonly runs: number;
  /** Median seconds per file. */
  readonly seconds: {
    readonly intake: number;
    readonly hashedCopy: number;
    readonly osCopy: number;
  };
}

async function hashedCopy(source: string, target: string): Promise<void> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(source), tap, createWriteStream(target));
  hash.digest('hex');
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function benchAttachments(
  workDir: string,
  options: { megabytes: number; runs: number },
): Promise<AttachmentsResult> {
  const vaultDir = join(workDir, 'vault');
  const api = createApi({ vaultDir, log: silentLogger, vault: { kdf: KDF_FLOOR } });
  try {
    const created = await api.dispatch('vault:create', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(`vault:create: ${created.error.code}`);
    const made = await api.dispatch('testimony:create', { recordCode: 'BENCH-ATT' });
    if (!made.ok) throw new Error(`testimony:create: ${made.error.code}`);
    const testimonyId = (made.value as { id: string }).id;
    await recordConsent(api, testimonyId);
    // The wired service when the API has one; otherwise built the way services.ts would.
    const wired = (api.services as { attachments?: AttachmentStore }).attachments;
    const store =
      wired ??
      new AttachmentStore({
        db: () => api.vault.database(),
        blobsDir: () => join(vaultDir, 'blobs'),
        blobsKey: () => api.vault.subkey('blobs'),
        custody: api.services.custody,
        consent: api.services.consent,
      });

    const source = join(workDir, 'original.bin');
    const fileBytes = options.megabytes * 1024 * 1024;
    await makeFile(source, fileBytes);
    const seconds = { intake: [] as number[], hashedCopy: [] as number[], osCopy: [] as number[] };
    const copy = join(workDir, 'copy.bin');
    for (let i = -1; i < options.runs; i++) {
      const record = (list: number[], start: number) => {
        if (i >= 0) list.push((performance.now() - start) / 1000);
      };
      let start = performance.now();
      await store.add(testimonyId, source, `original-${i + 1}.bin`);
      record(seconds.intake, start);
      start = performance.now();
      await hashedCopy(source, copy);
      record(seconds.hashedCopy, start);
      await rm(copy);
      start = performance.now();
      await copyFile(source, copy);
      record(seconds.osCopy, start);
      await rm(copy);
    }
    await writeFile(source, '');
    return {
      fileBytes,
      runs: options.runs,
      seconds: {
        intake: median(seconds.intake),
        hashedCopy: median(seconds.hashedCopy),
        osCopy: median(seconds.osCopy),
      },
    };
  } finally {
    api.shutdown();
  }
}
