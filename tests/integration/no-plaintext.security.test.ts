/**
 * Plaintext never touches disk: drive the API through the walking skeleton with a unique marker in
 * the narrative and the record code, and scan every file of the vault folder (vault.db, its WAL and
 * shared-memory files while open, vault.json) and the log file, in UTF-8 and UTF-16LE, while
 * unlocked and after lock. The same for interview answers of every section, register entries and
 * reasons given for a stop. A control proves the scanner finds the marker where it is on purpose.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSink } from '../../electron/main/log';
import { err, ok, startApi } from '../helpers/api';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { recordConsent } from '../helpers/consent';
import { PASSPHRASE } from '../helpers/kdf';
import { markerEncodingsIn, scanForMarker } from '../helpers/scan';
import { createTempDirs } from '../helpers/temp';
import { sampleAnswers } from '../helpers/template-answers';

const dirs = createTempDirs();
afterEach(() => dirs.cleanup());

/** A vault folder and a log folder side by side in one temp root, as the app lays them out. */
function layout() {
  const root = dirs.make('no-plaintext');
  const vaultDir = join(root, 'vault');
  const logFile = join(root, 'logs', 'svidok.log');
  const t = startApi(vaultDir, fileSink(logFile));
  return { root, vaultDir, logFile, ...t };
}

describe('the marker scanner (control)', () => {
  it('finds a marker written on purpose, in UTF-8 and in UTF-16LE, and names the file', () => {
    const dir = dirs.make('control');
    const marker = `МАРКЕР-${randomUUID()}-marker`;
    const utf8 = join(dir, 'plain-utf8.txt');
    const utf16 = join(dir, 'nested', 'plain-utf16.txt');
    writeFileSync(utf8, `before ${marker} after`);
    mkdirSync(join(dir, 'nested'));
    writeFileSync(utf16, Buffer.concat([randomBytes(7), Buffer.from(marker, 'utf16le')]));
    writeFileSync(join(dir, 'innocent.bin'), randomBytes(4096));

    expect(scanForMarker(dir, marker)).toEqual([`${utf16} [utf16le]`, `${utf8} [utf8]`]);
    expect(scanForMarker(utf8, marker)).toEqual([`${utf8} [utf8]`]);
    expect(scanForMarker(dir, `МАРКЕР-${randomUUID()}-marker`)).toEqual([]);
  });

  it('does not miss a marker that differs only in its Cyrillic part', () => {
    const marker = `МАРКЕР-${randomUUID()}`;
    const bytes = Buffer.from(marker.replace('М', 'M'), 'utf8'); // Latin M
    expect(markerEncodingsIn(bytes, marker)).toEqual([]);
    expect(markerEncodingsIn(Buffer.from(marker, 'utf8'), marker)).toEqual(['utf8']);
  });
});

describe('no plaintext on disk or in logs', () => {
  it('narrative and record code: zero hits in the vault folder and the log, unlocked and after lock', async () => {
    const { root, vaultDir, logFile, call, api } = layout();
    const marker = `МАРКЕР-${randomUUID()}-marker`;
    const recordCode = `МАРКЕР-${randomUUID().slice(0, 8)}-code`;
    const narrative = `Мене тримали в підвалі. ${marker}\nSecond line with ${marker} again.`;

    ok(await call('vault:create', { passphrase: PASSPHRASE }));
    const created = ok(await call('testimony:create', { recordCode }));
    await recordConsent(api, created.id);
    ok(await call('testimony:saveNarrative', { id: created.id, narrative, baseRevision: 0 }));
    ok(
      await call('testimony:saveNarrative', {
        id: created.id,
        narrative: `${narrative} ${marker}`,
        baseRevision: 1,
      }),
    );
    // A duplicate and a bad input put the record code through the error paths too.
    err(await call('testimony:create', { recordCode }));
    err(await call('testimony:create', { recordCode: `${recordCode}/..` }));
    expect(ok(await call('testimony:get', { id: created.id })).narrative).toContain(marker);

    // While unlocked: the WAL holds the newest pages, so it must be there and be scanned.
    const whileOpen = readdirSync(vaultDir).sort();
    expect(whileOpen).toEqual(['vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.json']);
    expect(readFileSync(join(vaultDir, 'vault.db-wal')).length).toBeGreaterThan(0);
    for (const m of [marker, recordCode]) expect(scanForMarker(root, m)).toEqual([]);

    ok(await call('vault:lock', {}));
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain('vault.locked');
    for (const m of [marker, recordCode]) expect(scanForMarker(root, m)).toEqual([]);

    // And the text is really in the vault (the scan is not passing on an empty vault).
    ok(await call('vault:unlock', { passphrase: PASSPHRASE }));
    expect(ok(await call('testimony:get', { id: created.id })).narrative).toBe(
      `${narrative} ${marker}`,
    );
    ok(await call('vault:lock', {}));
    for (const m of [marker, recordCode]) expect(scanForMarker(root, m)).toEqual([]);
  });

  it('interview answers, register entries and reasons: zero hits, unlocked and after lock', async () => {
    const { root, logFile, call, api } = layout();
    const marker = `МАРКЕР-${randomUUID()}-answer`;
    ok(await call('vault:create', { passphrase: PASSPHRASE }));
    const { id } = ok(await call('testimony:create', { recordCode: 'UA-ANSWERS-1' }));
    // Refused before consent: the marker goes through the error path first.
    const firstOther = CURRENT_TEMPLATE.sections.find((s) => s.id !== 'B' && !s.gate)!;
    const refused = await call('interview:saveSection', {
      testimonyId: id,
      sectionId: firstOther.id,
      answers: sampleAnswers(CURRENT_TEMPLATE, firstOther, { marker }),
      baseRevision: 0,
    });
    expect(err(refused).code).toBe('CONSENT_REQUIRED');
    await recordConsent(api, id);
    const saved: Record<string, unknown> = {};
    for (const section of CURRENT_TEMPLATE.sections) {
      if (section.id === 'B' || section.gate) continue;
      const answers = sampleAnswers(CURRENT_TEMPLATE, section, { marker });
      ok(
        await call('interview:saveSection', {
          testimonyId: id,
          sectionId: section.id,
          answers,
          baseRevision: 0,
        }),
      );
      saved[section.id] = answers;
    }
    const entry = { names: [marker], callSigns: [marker], unit: marker, description: marker };
    ok(await call('register:save', { register: 'perpetrators', entry }));
    ok(await call('interview:event', { testimonyId: id, kind: 'session_started' }));
    ok(await call('interview:event', { testimonyId: id, kind: 'session_stopped', reason: marker }));
    // An answer that does not fit puts the marker through the refusal path too.
    const bad = await call('interview:saveSection', {
      testimonyId: id,
      sectionId: firstOther.id,
      answers: { [`x_${randomUUID().slice(0, 8)}`]: { state: 'answered', value: marker } },
      baseRevision: 1,
    });
    expect(err(bad).code).toBe('INVALID_ANSWER');
    expect(err(bad).message).not.toContain(marker);
    expect(ok(await call('testimony:search', { query: marker.slice(0, 20) })).items).toHaveLength(
      1,
    );

    expect(scanForMarker(root, marker)).toEqual([]);
    ok(await call('vault:lock', {}));
    expect(existsSync(logFile)).toBe(true);
    expect(scanForMarker(root, marker)).toEqual([]);

    // And the answers are really in the vault.
    ok(await call('vault:unlock', { passphrase: PASSPHRASE }));
    const back = ok(await call('interview:get', { testimonyId: id }));
    for (const [sectionId, answers] of Object.entries(saved)) {
      expect(back.sections[sectionId]!.answers).toEqual(answers);
    }
    expect(JSON.stringify(back)).toContain(marker);
    ok(await call('vault:lock', {}));
    expect(scanForMarker(root, marker)).toEqual([]);
  });

  it('the passphrase (and a wrong guess) never appear in the log, vault.json or vault.db', async () => {
    const { root, vaultDir, logFile, call } = layout();
    const passphrase = `пароль-${randomUUID()}-passphrase`;
    const guess = `guess-${randomUUID()}`;
    ok(await call('vault:create', { passphrase }));
    ok(await call('vault:lock', {}));
    err(await call('vault:unlock', { passphrase: guess }));
    // An oversized and a malformed call carrying the passphrase.
    err(await call('vault:unlock', { passphrase: `${passphrase}${'x'.repeat(20_000)}` }));
    err(await call('vault:unlock', { passphrase, extra: passphrase } as never));
    ok(await call('vault:unlock', { passphrase }));
    ok(await call('vault:lock', {}));

    expect(readFileSync(logFile, 'utf8')).toContain('vault.unlock_failed');
    expect(readdirSync(vaultDir).sort()).toEqual(['vault.db', 'vault.json']);
    for (const secret of [passphrase, guess, passphrase.normalize('NFD')]) {
      expect(scanForMarker(root, secret)).toEqual([]);
    }
  });
});
