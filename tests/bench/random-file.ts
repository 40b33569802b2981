/** Input files for the benchmarks: incompressible bytes, as attachments are. */
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';

/** A file of pseudo-random bytes (incompressible, like attachments), written in 8 MiB pieces. */
export async function makeFile(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'w');
  try {
    const piece = randomBytes(8 * 1024 * 1024);
    for (let written = 0; written < bytes; written += piece.length) {
      // One random piece, varied per offset: generating a GiB of CSPRNG output would dominate.
      piece.writeUInt32LE(written >>> 0, 0);
      await handle.write(piece, 0, Math.min(piece.length, bytes - written));
    }
  } finally {
    await handle.close();
  }
}
