/**
 * Destroy (crypto-shred): every byte of vault.db, its WAL and blobs/ is encrypted under keys
 * derived from the master key, and the master key exists on disk only wrapped in the slots of
 * vault.json. Destroying the slots therefore destroys the vault: vault.json is overwritten in
 * place with random bytes of its own length (fsync), then replaced through writeFileAtomic by a
 * tombstone that holds no slot and no MAC. Leftover temp headers of an interrupted write (they
 * may hold old slots) are overwritten and removed the same way. That is the step that counts,
 * and it is done first.
 *
 * Then vault.db, its journals and blobs/ are deleted (not overwritten: they are ciphertext, and
 * overwriting gigabytes would make a panic destroy take minutes). Deleting them matters for one
 * reason: the database key is fixed for the life of the vault, so an audit key exported earlier
 * (VaultService.auditKeyHex, perhaps under coercion) would still read a vault.db left behind.
 *
 * Limits, said plainly: this defeats someone who gets the laptop afterwards and reads it through
 * the file system, and someone who later learns the passphrase or the recovery key. It cannot
 * promise the old bytes are gone from the physical disk: SSDs remap writes (wear levelling) and
 * may keep old sectors until the drive erases them; copy-on-write file systems (btrfs, APFS, ZFS)
 * and snapshots write the overwrite elsewhere; deleted files stay on disk until reused; backups
 * or copies made earlier still hold the old vault.json. Forensic recovery of the old header
 * sectors plus the passphrase (or of the old vault.db plus an exported audit key) would open the
 * vault. Only full-disk encryption (BitLocker, FileVault, LUKS) under a key the adversary does not
 * have, together with this, gives a real guarantee.
 */
import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DESTROY_CONFIRMATION } from '../../../shared/vault-rules';
import { writeFileAtomic } from '../files';
import { HEADER_FORMAT, HEADER_VERSION, serializeHeader } from './header';
import type { DestroyedHeader } from './header';

/** What the user must type, exactly, to destroy the vault (shared with the UI). */
export { DESTROY_CONFIRMATION };

/** More than any real header (64 KiB): a bigger file is not ours to spend time on. */
const MAX_OVERWRITE_BYTES = 1024 * 1024;

/** Shreds the key slots of the vault whose header is `headerPath`, leaving a tombstone. */
export function destroyHeader(headerPath: string, vaultId: string | undefined, now = new Date()) {
  const dir = dirname(headerPath);
  const name = basename(headerPath);
  overwriteInPlace(headerPath);
  // writeFileAtomic's temp files are named `.vault.json.<hex>.tmp`; one left by a crash holds a
  // complete header, slots and all.
  for (const entry of safeReaddir(dir)) {
    if (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) {
      const temp = join(dir, entry);
      overwriteInPlace(temp);
      rmSync(temp, { force: true });
    }
  }
  const tombstone: DestroyedHeader = {
    format: HEADER_FORMAT,
    version: HEADER_VERSION,
    ...(vaultId ? { vaultId } : {}),
    destroyed: true,
    destroyedAt: now.toISOString(),
  };
  const text = serializeHeader(tombstone);
  try {
    writeFileAtomic(headerPath, text);
  } catch (error) {
    // A full disk has no room for the temp file. The slots are already overwritten, so the vault
    // is gone either way: write the (smaller) tombstone over the header in place instead, so the
    // app says "destroyed" rather than "damaged".
    try {
      writeInPlace(headerPath, text);
    } catch {
      throw error;
    }
  }
}

/**
 * Deletes the ciphertext a destroyed vault leaves in its folder (the database, its journals, the
 * blobs): right after the tombstone is written, and again before a new vault is made there. The
 * tombstone stays until a new header replaces it, so the folder keeps saying "destroyed".
 */
export function removeDestroyedRemains(dir: string, databasePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(databasePath + suffix, { force: true });
  rmSync(join(dir, 'blobs'), { recursive: true, force: true });
}

/** Random bytes over a regular file's own bytes, flushed; symlinks, folders and FIFOs are left. */
function overwriteInPlace(path: string): void {
  let size: number;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return;
    size = Math.min(stat.size, MAX_OVERWRITE_BYTES);
  } catch {
    return;
  }
  const fd = openSync(path, 'r+');
  try {
    const noise = randomBytes(size);
    let offset = 0;
    while (offset < size) offset += writeSync(fd, noise, offset, size - offset, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeInPlace(path: string, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, 0);
    let offset = 0;
    while (offset < bytes.length)
      offset += writeSync(fd, bytes, offset, bytes.length - offset, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
