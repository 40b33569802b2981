/** The packaged binary's fuses and update settings, as SECURITY.md lists them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(join(__dirname, '../../../electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, boolean>;
  publish?: unknown;
  asar?: boolean;
};

describe('electron-builder configuration', () => {
  it('flips every fuse the Electron checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into an asar archive and publishes nowhere (no auto-update fetch)', () => {
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });
});
