/**
 * Threat: a custody log with gaps, or one that can be edited without anyone noticing. Every
 * action leaves a signed, chained entry; any change to a stored entry is found and named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { sha256Hex, signedBytes, toJsonLine, verifyEntries } from '../../../electron/main/custody';
import type { CustodyAction, CustodyEntry } from '../../../electron/main/custody';
import { custodyExcerptLines } from '../../../electron/main/exports';
import { importTestimony } from '../../../electron/main/imports';
import { loadSodium } from '../../../electron/main/vault';
import { testimonyJsonSchema } from '../../../shared/testimony-json';
import { err, ok, startApi } from '../../helpers/api';
import { consentAnswers, recordConsent } from '../../helpers/consent';
import type { TestApi } from '../../helpers/api';
import { ageKeygen, makeExportVault } from '../../helpers/export-vault';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const temp = createTempDirs('svidok-custody-');
let t: TestApi;

beforeEach(() => {
  t = startApi(`${temp.make()}/vault`);
});
afterEach(() => {
  t.api.shutdown();
  temp.cleanup();
});

const custody = () => t.api.services.custody;
const db = () => t.api.vault.database();

/** Runs the walking skeleton and returns the testimony id. */
async function someHistory(narrative = 'Свідчення: перший запис.'): Promise<string> {
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  const { id } = ok(await t.call('testimony:create', { recordCode: 'UA-1' }));
  await recordConsent(t.api, id);
  ok(await t.call('testimony:saveNarrative', { id, narrative, baseRevision: 0 }));
  ok(await t.call('testimony:get', { id }));
  ok(await t.call('vault:lock', {}));
  ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }));
  return id;
}

/** Lets a test play the attacker who holds the database key but not the device key. */
function allowEdits(): void {
  db().exec('DROP TRIGGER custody_entry_no_update; DROP TRIGGER custody_entry_no_delete;');
}

describe('custody log', () => {
  it('has an entry for every action, in order, with no gap', async () => {
    const id = await someHistory();
    const entries = custody().entries();
    expect(entries.map((e) => [e.seq, e.action])).toEqual([
      [1, 'vault.created'],
      [2, 'testimony.created'],
      [3, 'interview.section_saved'],
      [4, 'testimony.revised'],
      [5, 'testimony.viewed'],
      [6, 'vault.locked'],
      [7, 'vault.unlocked'],
    ]);
    expect(entries.filter((e) => e.testimony === id).map((e) => e.action)).toEqual([
      'testimony.created',
      'interview.section_saved',
      'testimony.revised',
      'testimony.viewed',
    ]);
    expect(ok(await t.call('custody:verify', {}))).toEqual({
      ok: true,
      entries: 7,
      firstBad: null,
    });
  });

  it('performs every action of the issue and finds each one’s entry in a chain that verifies', async () => {
    const dir = temp.make('all');
    const v = await makeExportVault(dir); // vault.created
    try {
      const key = ageKeygen(dir);
      await v.addRecipient(key.publicKey);
      // testimony.created and .revised, attachment.added
      const made = await v.addTestimony({ files: [{ name: 'a.txt', bytes: Buffer.from('abc') }] });
      ok(await v.t.call('testimony:get', { id: made.id })); // testimony.viewed
      ok(
        await v.t.call('redaction:add', {
          testimonyId: made.id,
          redaction: { id: randomUUID(), kind: 'entity', text: 'Грім', category: 'name' },
        }),
      );
      await v.t.api.services.exports.exportBundle({
        testimonyIds: [made.id],
        recipients: [key.publicKey],
        outDir: temp.make('out'),
      });
      const json = JSON.stringify({
        schema: 'svidok.testimony/1',
        recordCode: 'UA-IMP-1',
        narrative: 'Імпортований текст',
        sections: { B: consentAnswers() },
      });
      const { testimonies, interviews, custody: log } = v.t.api.services;
      const source = Buffer.from(json, 'utf8');
      const imported = importTestimony(
        { db: () => v.t.api.vault.database(), testimonies, interviews, custody: log },
        testimonyJsonSchema.parse(JSON.parse(json)),
        { sha256: sha256Hex(source), bytes: source.length },
      );
      ok(await v.t.call('vault:lock', {}));
      ok(await v.t.call('vault:unlock', { passphrase: PASSPHRASE }));

      const entries = v.t.api.services.custody.entries();
      const find = (action: CustodyAction, testimony: string | null = null) =>
        entries.find((e) => e.action === action && e.testimony === testimony);
      const expected: Array<[CustodyAction, string | null]> = [
        ['vault.created', null],
        ['vault.unlocked', null],
        ['vault.locked', null],
        ['testimony.created', made.id],
        ['testimony.revised', made.id],
        ['testimony.viewed', made.id],
        ['attachment.added', made.id],
        ['redaction.changed', made.id],
        ['bundle.exported', made.id],
        ['testimony.imported', imported.id],
      ];
      expect(expected.filter(([action, testimony]) => !find(action, testimony))).toEqual([]);
      expect(find('testimony.imported', imported.id)?.details).toEqual({
        sha256: createHash('sha256').update(json).digest('hex'),
        bytes: source.length,
        sections: 1,
      });
      expect(entries.map((e) => toJsonLine(e)).join('\n')).not.toContain('Імпортований');
      expect(v.t.api.services.custody.verify()).toEqual({
        ok: true,
        entries: entries.length,
        firstBad: null,
      });
    } finally {
      v.t.api.shutdown();
    }
  });

  it('a redacted bundle’s excerpt leaves out the hash of an imported file', async () => {
    ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    const { testimonies, interviews, custody: log } = t.api.services;
    const json = { schema: 'svidok.testimony/1', recordCode: 'UA-2', narrative: 'Текст' };
    const bytes = Buffer.from(JSON.stringify({ ...json, sections: { B: consentAnswers() } }));
    const { id } = importTestimony(
      { db, testimonies, interviews, custody: log },
      testimonyJsonSchema.parse(JSON.parse(bytes.toString())),
      { sha256: sha256Hex(bytes), bytes: bytes.length },
    );
    const shown = (redacted: Set<string>) =>
      custodyExcerptLines(custody().entries(), new Set([id]), redacted).join('\n');
    // The file's hash would let a reader confirm a guessed file, as a section's hash would.
    expect(shown(new Set())).toContain(sha256Hex(bytes));
    expect(shown(new Set([id]))).not.toContain(sha256Hex(bytes));
  });

  it('records hashes and sizes, never the testimony text', async () => {
    const marker = 'МАРКЕР-custody-text';
    await someHistory(`Текст ${marker}`);
    const all = custody()
      .entries()
      .map((e) => toJsonLine(e))
      .join('\n');
    expect(all).not.toContain(marker);
    const revised = custody()
      .entries()
      .find((e) => e.action === 'testimony.revised')!;
    expect(revised.details).toMatchObject({ seq: 1, chars: `Текст ${marker}`.length });
    expect(revised.details['contentHash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a refused save leaves no entry: the action and its entry commit together', async () => {
    const id = await someHistory();
    const before = custody().entries().length;
    const stale = await t.call('testimony:saveNarrative', {
      id,
      narrative: 'другий текст',
      baseRevision: 0,
    });
    expect(err(stale).code).toBe('CONFLICT');
    expect(custody().entries()).toHaveLength(before);
  });

  it('signs with the same device key across lock and unlock', async () => {
    await someHistory();
    const keys = new Set(
      custody()
        .entries()
        .map((e) => e.key),
    );
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBe(custody().publicKey());
  });

  it('exports JSONL lines that verify on their own', async () => {
    await someHistory();
    const lines = custody()
      .entries()
      .map((e) => toJsonLine(e));
    const parsed = lines.map((l) => JSON.parse(l) as CustodyEntry);
    const sodium = await loadSodium();
    const trusted = { publicKey: custody().publicKey(), vaultId: t.api.vault.vaultId() };
    expect(verifyEntries(sodium, parsed, trusted).ok).toBe(true);
    const forged = parsed.map((e) => (e.seq === 3 ? { ...e, details: { seq: 99 } } : e));
    expect(verifyEntries(sodium, forged, trusted).firstBad).toEqual({ seq: 3, reason: 'hash' });
    const otherVault = { ...trusted, vaultId: '00000000-0000-4000-8000-000000000000' };
    expect(verifyEntries(sodium, parsed, otherVault).firstBad).toEqual({
      seq: 1,
      reason: 'vault',
    });
  });
});

describe('custody tamper: the first bad entry is named', () => {
  it('an edited detail breaks that entry’s hash', async () => {
    await someHistory();
    allowEdits();
    db().prepare(`UPDATE custody_entry SET details = '{"seq":7}' WHERE seq = 3`).run();
    expect(custody().verify().firstBad).toEqual({ seq: 3, reason: 'hash' });
  });

  it('an edited action with a recomputed hash still fails its signature', async () => {
    await someHistory();
    allowEdits();
    const entry = custody().entries()[1]!;
    const edited = { ...entry, action: 'testimony.viewed' as const };
    const hash = createHash('sha256').update(signedBytes(edited)).digest('hex');
    db()
      .prepare('UPDATE custody_entry SET action = ?, entry_hash = ? WHERE seq = ?')
      .run(edited.action, hash, entry.seq);
    // The next entry still points at the old hash: whichever check runs first must fail there.
    const report = custody().verify();
    expect(report.ok).toBe(false);
    expect(report.firstBad?.seq).toBe(2);
    expect(['signature', 'chain']).toContain(report.firstBad?.reason);
  });

  it('a deleted entry is a gap', async () => {
    await someHistory();
    allowEdits();
    db().prepare('DELETE FROM custody_entry WHERE seq = 4').run();
    expect(custody().verify().firstBad).toEqual({ seq: 5, reason: 'gap' });
  });

  it('a signature copied from another entry does not verify', async () => {
    await someHistory();
    allowEdits();
    const sig = (
      db().prepare('SELECT signature FROM custody_entry WHERE seq = 1').get() as {
        signature: string;
      }
    ).signature;
    db().prepare('UPDATE custody_entry SET signature = ? WHERE seq = 5').run(sig);
    expect(custody().verify().firstBad).toEqual({ seq: 5, reason: 'signature' });
  });

  it('an entry signed by another key is refused', async () => {
    await someHistory();
    allowEdits();
    db()
      .prepare('UPDATE custody_entry SET public_key = ? WHERE seq = 2')
      .run(Buffer.alloc(32, 7).toString('base64'));
    expect(custody().verify().firstBad).toEqual({ seq: 2, reason: 'key' });
  });

  it('stored entries cannot be changed or removed through SQL while the triggers stand', async () => {
    await someHistory();
    expect(() => db().prepare("UPDATE custody_entry SET action = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => db().prepare('DELETE FROM custody_entry').run()).toThrow(/append-only/);
  });
});
