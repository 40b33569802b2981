/**
 * `svidok redact suggest|add|list` and `svidok export --profile`, run as a user would, against a
 * real vault: what they print, what they refuse (usage: exit 2; the service: exit 1, its code),
 * and that a redacted export really leaves the redacted name out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../helpers/api';
import { STORE_SCOPES } from '../../helpers/consent';
import { ageKeygen, makeExportVault } from '../../helpers/export-vault';
import type { SampleTestimony } from '../../helpers/export-vault';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';
import { runCliCaptured } from '../../helpers/cli';

const dirs = createTempDirs('svidok-cli-redact-');
let vaultDir: string;
let testimony: SampleTestimony;
let key: { file: string; publicKey: string };
const CODE = 'UA-CLI-0007';

async function cli(argv: string[]) {
  const { code, lines, err } = await runCliCaptured([...argv, '--vault', vaultDir], {
    env: { SVIDOK_PASSPHRASE: PASSPHRASE },
  });
  return { code, out: lines, err };
}

beforeAll(async () => {
  const dir = dirs.make('vault');
  const v = await makeExportVault(dir);
  vaultDir = join(dir, 'vault');
  key = ageKeygen(dir);
  await v.addRecipient(key.publicKey, 'ngo', 'Група підтримки');
  testimony = await v.addTestimony({
    recordCode: CODE,
    scopes: [...STORE_SCOPES, 'share_ngo'],
    files: [{ name: 'довідка.txt', bytes: Buffer.from('Довідка\n') }],
  });
  ok(
    await v.t.call('interview:saveSection', {
      testimonyId: testimony.id,
      sectionId: 'C',
      answers: { name_uk: { state: 'answered', value: 'Гнатюк Степан' } },
      baseRevision: 0,
    }),
  );
  v.t.api.shutdown();
}, 60_000);

afterAll(() => dirs.cleanup());

describe('svidok redact', () => {
  it('suggests the identifying answers and the register names, one per line', async () => {
    const { code, out } = await cli(['redact', 'suggest', CODE]);
    expect(code).toBe(0);
    expect(out).toContain('Гнатюк Степан\tname\tidentifying_field\tC.name_uk');
  });

  it('adds an entity, a span, a field and an attachment exclusion, and lists them', async () => {
    const adds = [
      ['--entity', 'Грім', '--category', 'name'],
      ['--span', 'narrative:0:4', '--category', 'other', '--reason', 'вступ'],
      ['--field', 'C.name_uk', '--category', 'name'],
      ['--attachment', testimony.attachments[0]!.id, '--exclude', '--category', 'other'],
    ];
    for (const args of adds) {
      const added = await cli(['redact', 'add', '--testimony', CODE, ...args]);
      expect(added.err).toBe('');
      expect(added.code).toBe(0);
      expect(added.out[0]).toMatch(/^[0-9a-f-]{36}$/);
    }
    const { out } = await cli(['redact', 'list', CODE]);
    expect(out.map((line) => line.split('\t').slice(1))).toEqual([
      ['entity', 'name', 'Грім'],
      ['span', 'other', 'narrative:0:4 (revision 1)'],
      ['field', 'name', 'C.name_uk'],
      ['attachment', 'other', `${testimony.attachments[0]!.id} exclude`],
    ]);
  });

  it('refuses a bad command line (exit 2) and a redaction the vault refuses (exit 1)', async () => {
    const usage = [
      ['--entity', 'a', '--field', 'C.name_uk', '--category', 'name'],
      ['--entity', 'a', '--category', 'religion'],
      ['--span', 'narrative:4', '--category', 'name'],
      ['--attachment', testimony.attachments[0]!.id, '--category', 'name'],
      ['--attachment', testimony.attachments[0]!.id, '--region', '1,2,3', '--category', 'name'],
    ];
    for (const args of usage) {
      expect(
        (await cli(['redact', 'add', '--testimony', CODE, ...args])).code,
        args.join(' '),
      ).toBe(2);
    }
    const unknown = await cli([
      'redact',
      'add',
      '--testimony',
      CODE,
      '--field',
      'C.nope',
      '--category',
      'name',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('BAD_INPUT');
    const missing = await cli(['redact', 'list', 'UA-NO-SUCH']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_FOUND');
  });

  it('exports through --profile redacted: the name is gone from the bundle, the token is there', async () => {
    const out = dirs.make('out');
    const exported = await cli([
      'export',
      '--testimony',
      CODE,
      '--recipient',
      'Група підтримки',
      '--out',
      out,
      '--profile',
      'redacted',
    ]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('profile: redacted');
    const tar = execFileSync('age', ['-d', '-i', key.file, exported.out[0]!]);
    expect(tar.includes(Buffer.from('Грім'))).toBe(false);
    expect(tar.includes(Buffer.from('Гнатюк'))).toBe(false);
    expect(tar.includes(Buffer.from('[REDACTED: name]'))).toBe(true);
    expect(tar.includes(Buffer.from('Довідка'))).toBe(false);
    // The full profile is not for this recipient's class.
    const full = await cli([
      'export',
      '--testimony',
      CODE,
      '--recipient',
      'Група підтримки',
      '--out',
      out,
    ]);
    expect(full.code).toBe(1);
    expect(full.err).toContain('PROFILE_NOT_ALLOWED');
    expect(readFileSync(exported.out[0]!).length).toBeGreaterThan(0);
  });
});
