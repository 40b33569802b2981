/**
 * The fixture's bundles are what a recipient without Svidok can check: the Debian `age` CLI
 * decrypts one with the key file, GNU tar extracts it, `sha256sum -c` passes on both manifests and
 * `minisign -Vm` verifies the tag manifest with the device key. So the verifier's tests stand on
 * bundles the standard tools accept, not on a format only Svidok reads.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempDirs } from '../../helpers/temp';
import { BUNDLE_ID, buildBundle, makeKeys } from './bundle-fixture';

const temp = createTempDirs('svidok-verify-interop-');
afterAll(() => temp.cleanup());

describe('a fixture bundle and the standard tools', () => {
  it('age -d, tar -x, sha256sum -c and minisign -Vm all accept it', async () => {
    const keys = await makeKeys();
    const dir = temp.make();
    const bundle = join(dir, `${BUNDLE_ID}.svidok.age`);
    const keyFile = join(dir, 'recipient.key');
    writeFileSync(bundle, (await buildBundle(keys)).sealed);
    writeFileSync(keyFile, keys.identity, { mode: 0o600 });
    const tarFile = join(dir, 'bundle.tar');
    execFileSync('age', ['-d', '-i', keyFile, '-o', tarFile, bundle]);
    execFileSync('tar', ['-xf', tarFile, '-C', dir]);
    const bag = join(dir, BUNDLE_ID);
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      execFileSync('sha256sum', ['--quiet', '-c', manifest], { cwd: bag });
    }
    execFileSync('sha512sum', ['--quiet', '-c', 'manifest-sha512.txt'], { cwd: bag });
    const out = execFileSync(
      'minisign',
      ['-Vm', 'tagmanifest-sha256.txt', '-P', keys.device.base64],
      { cwd: bag, encoding: 'utf8' },
    );
    expect(out).toContain(`svidok bundle ${BUNDLE_ID} time`);
  });
});
