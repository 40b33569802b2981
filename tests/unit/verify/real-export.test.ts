/**
 * The verifier against a real export (the exports service on a real vault), so the contract the
 * two sides share is checked end to end: three testimonies, one exported with attachments, the
 * others collapsed into omitted runs of custody.jsonl.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../helpers/api';
import { ageKeygen, makeExportVault } from '../../helpers/export-vault';
import type { ExportVault } from '../../helpers/export-vault';
import { createTempDirs } from '../../helpers/temp';
import { verifyBundle } from '../../../electron/main/verify';

const dirs = createTempDirs('svidok-verify-real-');
const open: ExportVault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.t.api.shutdown();
  dirs.cleanup();
});

describe('verifyBundle on a bundle from the exporter', () => {
  it('passes every check, pinned with the key `vault pubkey` prints', async () => {
    const dir = dirs.make('v');
    const v = await makeExportVault(dir);
    open.push(v);
    const key = ageKeygen(dir);
    await v.addRecipient(key.publicKey);
    await v.addTestimony();
    const t = await v.addTestimony({
      files: [
        { name: 'фото 1.jpg', bytes: Buffer.from('photo bytes') },
        { name: 'scan%2.pdf', bytes: Buffer.alloc(70_000, 7) },
      ],
    });
    await v.addTestimony();
    const result = await v.t.api.services.exports.exportBundle({
      testimonyIds: [t.id],
      recipients: [key.publicKey],
      outDir: dirs.make('out'),
    });
    const { minisign } = ok(await v.t.call('vault:devicePublicKey', {}));
    const report = await verifyBundle({
      bundlePath: result.path,
      identity: readFileSync(key.file, 'utf8'),
      pubkey: minisign,
      workDir: dirs.make('work'),
    });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    const detail = (name: string) => report.checks.find((c) => c.name === name)?.detail;
    expect(detail('testimony-json')).toContain('2 attachment(s) match the manifest');
    expect(detail('custody')).toMatch(/[1-9][0-9]* of other testimonies omitted/u);
    expect(report).toMatchObject({ ok: true, verdict: 'verified', bundleId: result.bundleId });
  });
});
