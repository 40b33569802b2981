import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultVaultDir } from '../../../electron/cli/default-paths';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { ok, startApi } from '../../helpers/api';
import { consentAnswers } from '../../helpers/consent';
import { findLeaf } from '../../helpers/template-answers';
import { PASSPHRASE } from '../../helpers/kdf';
import { runCliCaptured } from '../../helpers/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'svidok-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = runCliCaptured;

/** A vault made at the KDF floor, so the commands that unlock it stay quick. */
async function fastVault(): Promise<string> {
  const vault = join(dir, 'fast');
  const t = startApi(vault);
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  t.api.shutdown();
  return vault;
}

const env = { SVIDOK_PASSPHRASE: PASSPHRASE };

describe('svidok CLI: vault', () => {
  it('creates a vault with the passphrase from stdin and prints the recovery key once', async () => {
    const vault = join(dir, 'v');
    expect((await cli(['vault', 'status', '--vault', vault])).out).toBe('absent');
    const init = await cli(['vault', 'init', '--vault', vault], {
      stdin: 'a long enough passphrase\n',
    });
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Recovery key/);
    expect(init.out).toMatch(/[0-9A-Z]{5}(-[0-9A-Z]{5}){5,}/);
    expect(existsSync(join(vault, 'vault.json'))).toBe(true);
    expect((await cli(['vault', 'status', '--vault', vault])).out).toBe('locked');

    const again = await cli(['vault', 'init', '--vault', vault], {
      env: { SVIDOK_PASSPHRASE: 'another long passphrase' },
    });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^svidok: VAULT_EXISTS: /);
  });

  it('refuses a weak passphrase with a typed error and creates nothing', async () => {
    const vault = join(dir, 'v');
    const result = await cli(['vault', 'init', '--vault', vault], {
      env: { SVIDOK_PASSPHRASE: 'short' },
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^svidok: WEAK_PASSPHRASE: /);
    expect(existsSync(join(vault, 'vault.json'))).toBe(false);
  });

  it('never takes a passphrase from argv', async () => {
    const vault = join(dir, 'v');
    for (const argv of [
      ['vault', 'init', '--vault', vault, '--passphrase', 'in argv is bad'],
      ['vault', 'init', '--vault', vault, 'in argv is bad'],
    ]) {
      const result = await cli(argv);
      expect(result.code).toBe(2);
    }
    expect(existsSync(vault)).toBe(false);
  });

  it('answers an unknown command with usage and exit status 2, without a stack', async () => {
    const result = await cli(['vault', 'explode']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown command: vault explode');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('says WRONG_PASSPHRASE and nothing more for a wrong passphrase', async () => {
    const vault = await fastVault();
    const result = await cli(['testimony', 'list', '--vault', vault], {
      env: { SVIDOK_PASSPHRASE: 'not the passphrase at all' },
    });
    expect(result.code).toBe(1);
    expect(result.err).toBe('svidok: WRONG_PASSPHRASE: The passphrase does not open this vault');
  });

  it('defaults to the folder where the app keeps its vault on each platform', () => {
    expect(defaultVaultDir('linux', {}, '/home/a')).toBe('/home/a/.config/Svidok/vault');
    expect(defaultVaultDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/Svidok/vault');
    expect(defaultVaultDir('darwin', {}, '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Svidok/vault',
    );
    expect(defaultVaultDir('win32', { APPDATA: 'C:\\U\\a\\AppData\\Roaming' }, 'C:\\U\\a')).toMatch(
      /Svidok[\\/]vault$/,
    );
  });
});

describe('svidok CLI: testimonies and custody', () => {
  it('adds a testimony from testimony.json, lists it, shows it back exactly, and verifies custody', async () => {
    const vault = await fastVault();
    const narrative = 'Мене тримали в підвалі.\nДругий рядок — «лапки», апостроф ʼ.';
    const file = join(dir, 'in.json');
    const sections = { B: consentAnswers() };
    writeFileSync(
      file,
      JSON.stringify({ schema: 'svidok.testimony/1', recordCode: 'UA-CLI-1', narrative, sections }),
    );
    const added = await cli(['testimony', 'add', '--json', file, '--vault', vault], { env });
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^UA-CLI-1\t[0-9a-f-]{36}$/);

    const list = await cli(['testimony', 'list', '--vault', vault], { env });
    expect(list.out.split('\n')).toHaveLength(1);
    expect(list.out).toMatch(/^UA-CLI-1\t/);

    const shown = await cli(['testimony', 'show', 'UA-CLI-1', '--vault', vault], { env });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out)).toMatchObject({
      schema: 'svidok.testimony/1',
      recordCode: 'UA-CLI-1',
      narrative,
      revision: 1,
      template: { id: CURRENT_TEMPLATE.id, version: CURRENT_TEMPLATE.version },
      sections,
    });

    const verified = await cli(['custody', 'verify', '--vault', vault], { env });
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^custody: ok \(\d+ entries/);
  });

  it('records the import in custody by the SHA-256 and size of the file, never its text', async () => {
    const vault = await fastVault();
    const file = join(dir, 'in.json');
    const bytes = Buffer.from(
      JSON.stringify({
        schema: 'svidok.testimony/1',
        recordCode: 'UA-CLI-IMP',
        narrative: 'Імпорт-маркер',
        sections: { B: consentAnswers() },
      }),
    );
    writeFileSync(file, bytes);
    const added = await cli(['testimony', 'add', '--json', file, '--vault', vault], { env });
    expect(added.code).toBe(0);
    const id = added.out.split('\t')[1];
    const t = startApi(vault);
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const entries = t.api.services.custody.entries();
    const report = t.api.services.custody.verify();
    t.api.shutdown();
    const mine = entries.filter((e) => e.testimony === id).map((e) => e.action);
    // Created, then imported, then what the file carried: section B and the narrative.
    expect(mine).toEqual([
      'testimony.created',
      'testimony.imported',
      'interview.section_saved',
      'testimony.revised',
    ]);
    expect(entries.find((e) => e.action === 'testimony.imported')?.details).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      sections: 1,
    });
    expect(JSON.stringify(entries)).not.toContain('Імпорт-маркер');
    expect(report.ok).toBe(true);
  });

  it('refuses a testimony.json that does not match the schema, and names where', async () => {
    const vault = await fastVault();
    const cases: Array<[string, RegExp]> = [
      ['{not json', /not valid JSON/],
      [JSON.stringify({ schema: 'other/1', recordCode: 'A', narrative: '' }), /schema/],
      [
        JSON.stringify({ schema: 'svidok.testimony/1', recordCode: '../x', narrative: '' }),
        /recordCode/,
      ],
      [
        JSON.stringify({ schema: 'svidok.testimony/1', recordCode: 'A', narrative: '', extra: 1 }),
        /does not match/,
      ],
    ];
    for (const [text, message] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, text);
      const result = await cli(['testimony', 'add', '--json', file, '--vault', vault], { env });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^svidok: BAD_INPUT: /);
      expect(result.err).toMatch(message);
    }
    const list = await cli(['testimony', 'list', '--vault', vault], { env });
    expect(list.out).toBe('');
  });

  it('attaches files, lists them with their SHA-256, and gets the original bytes back', async () => {
    const vault = await fastVault();
    const file = join(dir, 'in.json');
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'svidok.testimony/1',
        recordCode: 'A-1',
        narrative: '',
        sections: { B: consentAnswers() },
      }),
    );
    expect((await cli(['testimony', 'add', '--json', file, '--vault', vault], { env })).code).toBe(
      0,
    );
    const photo = join(dir, 'фото <1>.jpg');
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 251));
    writeFileSync(photo, bytes);
    const added = await cli(
      ['attachment', 'add', '--testimony', 'A-1', photo, join(dir, 'in.json'), '--vault', vault],
      { env },
    );
    expect(added.code).toBe(0);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const lines = added.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${lines[0]!.split('\t')[0]}\t${sha}\t200000\tфото <1>.jpg`);

    const listed = await cli(['attachment', 'list', 'A-1', '--vault', vault], { env });
    expect(listed.out.split('\n').map((l) => l.split('\t')[3])).toEqual([
      'фото <1>.jpg',
      'in.json',
    ]);

    const id = lines[0]!.split('\t')[0]!;
    const out = join(dir, 'out.jpg');
    const got = await cli(['attachment', 'get', id, '--out', out, '--vault', vault], { env });
    expect(got.code).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    const again = await cli(['attachment', 'get', id, '--out', out, '--vault', vault], { env });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^svidok: FILE_EXISTS: /);
  });

  it('prints the raw database key for an audit and records its export in custody', async () => {
    const vault = await fastVault();
    const result = await cli(['vault', 'audit-key', '--vault', vault], { env });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^[0-9a-f]{64}$/);
    const t = startApi(vault);
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const actions = t.api.services.custody.entries().map((e) => e.action);
    t.api.shutdown();
    expect(actions).toContain('vault.audit_key_exported');
  });

  it('refuses a testimony.json without consent (CONSENT_REQUIRED) and imports nothing of it', async () => {
    const vault = await fastVault();
    const file = join(dir, 'no-consent.json');
    const narrative = 'Мене звати Петро Іваненко.';
    const cases = [
      { schema: 'svidok.testimony/1', recordCode: 'UA-NC-1', narrative },
      // Consent refused, or only to the interview: storing identifying data is not allowed.
      {
        schema: 'svidok.testimony/1',
        recordCode: 'UA-NC-2',
        narrative,
        sections: { B: consentAnswers(['interview']) },
      },
      {
        schema: 'svidok.testimony/1',
        recordCode: 'UA-NC-3',
        narrative: '',
        sections: { C: { any_field: { state: 'answered', value: 'Петро' } } },
      },
    ];
    for (const data of cases) {
      writeFileSync(file, JSON.stringify(data));
      const result = await cli(['testimony', 'add', '--json', file, '--vault', vault], { env });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^svidok: CONSENT_REQUIRED: .*consent.*nothing was imported/);
      expect(result.err).not.toContain('Петро');
    }
    expect((await cli(['testimony', 'list', '--vault', vault], { env })).out).toBe('');

    // A record code alone needs no consent: it is all that may be stored before it.
    writeFileSync(
      file,
      JSON.stringify({ schema: 'svidok.testimony/1', recordCode: 'UA-NC-4', narrative: '' }),
    );
    expect((await cli(['testimony', 'add', '--json', file, '--vault', vault], { env })).code).toBe(
      0,
    );
    // …but no attachment: a photograph of injuries identifies as much as a name.
    const photo = join(dir, 'photo.jpg');
    writeFileSync(photo, 'bytes');
    const attached = await cli(
      ['attachment', 'add', '--testimony', 'UA-NC-4', photo, '--vault', vault],
      { env },
    );
    expect(attached.code).toBe(1);
    expect(attached.err).toMatch(/^svidok: CONSENT_REQUIRED: /);
    expect((await cli(['attachment', 'list', 'UA-NC-4', '--vault', vault], { env })).out).toBe('');
  });

  it('an answer refused halfway through an import undoes all of it (no half-imported testimony)', async () => {
    const vault = await fastVault();
    const file = join(dir, 'bad-answer.json');
    // Some date field of the template (in a section after B), given a day that does not exist.
    const date = findLeaf(CURRENT_TEMPLATE, (field) => field.kind === 'date')!;
    const { section } = date;
    writeFileSync(
      file,
      JSON.stringify({
        schema: 'svidok.testimony/1',
        recordCode: 'UA-HALF-1',
        narrative: 'Текст',
        sections: {
          B: consentAnswers(),
          [section.id]: date.answersWith({ state: 'answered', value: '2023-02-30' }),
        },
      }),
    );
    const result = await cli(['testimony', 'add', '--json', file, '--vault', vault], { env });
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `svidok: INVALID_ANSWER: Section ${section.id}: ${date.path} (bad_date)`,
    );
    expect(result.err).not.toContain('2023-02-30');
    expect((await cli(['testimony', 'list', '--vault', vault], { env })).out).toBe('');
    const t = startApi(vault);
    ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
    const db = t.api.vault.database();
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('testimony'), count('section_revision'), count('testimony_revision')]).toEqual([
      0, 0, 0,
    ]);
    expect(t.api.services.custody.entries().filter((e) => e.testimony !== null)).toEqual([]);
    t.api.shutdown();
  });

  it('shows NOT_FOUND for an unknown record code', async () => {
    const vault = await fastVault();
    const result = await cli(['testimony', 'show', 'NOPE', '--vault', vault], { env });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^svidok: NOT_FOUND: /);
  });
});
