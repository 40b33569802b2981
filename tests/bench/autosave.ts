/**
 * Autosave of a 20 KB testimony: every save appends a revision, its custody entry and the
 * testimony's new text in the search index, as the editor does. The same TestimonyStore and CustodyLog run over the vault's SQLCipher database and
 * over a plain SQLite peer with the same settings, so the ratio is the cost of encryption; the
 * app's full path (dispatch: bounds, schema, store) is timed too. Each runs twice: with SQLite's
 * default WAL auto-checkpoint (a save that crosses 1000 pages also copies the WAL into the
 * database), and with auto-checkpoint off and a PASSIVE checkpoint run between bursts of saves —
 * what an idle timer would do — whose own time is reported apart.
 */
import { join } from 'node:path';
import { createApi } from '../../electron/main/api';
import type { Api } from '../../electron/main/api';
import { silentLogger } from '../../electron/main/log';
import { KDF_FLOOR, loadSodium } from '../../electron/main/vault';
import type { Db } from '../../electron/main/vault';
import { PASSPHRASE } from '../helpers/kdf';
import { consentAnswers, recordConsent } from '../helpers/consent';
import { createRng } from '../helpers/prng';
import type { Rng } from '../helpers/prng';
import { sentences } from '../helpers/ukrainian-text';
import { openPlainStore, readSettings } from './plain-db';
import type { Settings } from './plain-db';
import { summarize } from './stats';
import type { Summary } from './stats';

export type Checkpointing = 'auto' | 'idle';
type Path = 'plain store' | 'SQLCipher store' | 'SQLCipher dispatch';

export interface AutosaveVariant {
  readonly path: Path;
  readonly checkpointing: Checkpointing;
  readonly saves: Summary;
  /** The idle checkpoints ('idle' only): time of each, off the save path. */
  readonly checkpoints: Summary | null;
  /** The WAL each idle checkpoint found, in MB (frames of page size + 24 bytes). */
  readonly walMegabytes: Summary | null;
  /** Idle checkpoints that could not copy the whole WAL (busy, or frames left behind). */
  readonly incompleteCheckpoints: number;
}

export interface AutosaveResult {
  readonly textBytes: number;
  readonly savesPerVariant: number;
  readonly burst: number;
  readonly settings: Settings;
  readonly variants: AutosaveVariant[];
}

interface Target {
  readonly path: Path;
  readonly checkpointing: Checkpointing;
  readonly db: Db;
  save(narrative: string): Promise<void> | void;
  readonly samples: number[];
  readonly checkpointMs: number[];
  readonly walMegabytes: number[];
  incompleteCheckpoints: number;
}

const TEXT_BYTES = 20 * 1024;

/** The editor's text: about 20 KB of sentences, a few of them replaced before each save. */
function createEditor(rng: Rng): () => string {
  const pool = sentences(rng, 400);
  const text: string[] = [];
  while (Buffer.byteLength(text.join(' ')) < TEXT_BYTES) text.push(pool[text.length % 400]!);
  let n = 0;
  return () => {
    for (let i = 0; i < 3; i++) {
      text[Math.floor(rng() * text.length)] = pool[Math.floor(rng() * pool.length)]!;
    }
    n++;
    return `${text.join(' ')} [${n}]`;
  };
}

async function vaultTarget(dir: string, path: Path, checkpointing: Checkpointing) {
  const api = createApi({ vaultDir: dir, log: silentLogger, vault: { kdf: KDF_FLOOR } });
  const created = await api.dispatch('vault:create', { passphrase: PASSPHRASE });
  if (!created.ok) throw new Error(`vault:create: ${created.error.code}`);
  const made = await api.dispatch('testimony:create', { recordCode: `BENCH-${checkpointing}` });
  if (!made.ok) throw new Error(`testimony:create: ${made.error.code}`);
  const id = (made.value as { id: string }).id;
  await recordConsent(api, id);
  const db = api.vault.database();
  let revision = 0;
  const save =
    path === 'SQLCipher dispatch'
      ? async (narrative: string) => {
          const saved = await api.dispatch('testimony:saveNarrative', {
            id,
            narrative,
            baseRevision: revision,
          });
          if (!saved.ok) throw new Error(`save: ${saved.error.code}`);
          revision = (saved.value as { revision: number }).revision;
        }
      : (narrative: string) => {
          revision = api.services.testimonies.saveNarrative(id, narrative, revision).revision;
        };
  return { api, target: makeTarget(path, checkpointing, db, save) };
}

function plainTarget(file: string, model: Db, checkpointing: Checkpointing): Target {
  const { db, store, interviews } = openPlainStore(file, model);
  const id = store.create(`PLAIN-${checkpointing}`).id;
  interviews.saveSection(id, 'B', consentAnswers(), 0);
  let revision = 0;
  return makeTarget('plain store', checkpointing, db, (narrative) => {
    revision = store.saveNarrative(id, narrative, revision).revision;
  });
}

function makeTarget(
  path: Path,
  checkpointing: Checkpointing,
  db: Db,
  save: Target['save'],
): Target {
  if (checkpointing === 'idle') db.pragma('wal_autocheckpoint = 0');
  return {
    path,
    checkpointing,
    db,
    save,
    samples: [],
    checkpointMs: [],
    walMegabytes: [],
    incompleteCheckpoints: 0,
  };
}

export async function benchAutosave(
  workDir: string,
  options: { saves: number; burst: number; seed: number },
): Promise<AutosaveResult> {
  await loadSodium();
  const apis: Api[] = [];
  const targets: Target[] = [];
  try {
    for (const checkpointing of ['auto', 'idle'] as const) {
      for (const path of ['SQLCipher store', 'SQLCipher dispatch'] as const) {
        const made = await vaultTarget(
          join(workDir, `${path}-${checkpointing}`),
          path,
          checkpointing,
        );
        apis.push(made.api);
        targets.push(made.target);
      }
    }
    const model = targets[0]!.db;
    const settings = readSettings(model);
    for (const checkpointing of ['auto', 'idle'] as const) {
      targets.push(plainTarget(join(workDir, `plain-${checkpointing}.db`), model, checkpointing));
    }

    // The same texts go to every target, burst by burst, taking turns, so a slow minute on a
    // shared machine lands on all of them alike.
    const next = createEditor(createRng(options.seed));
    const warmup = 20;
    for (let done = -warmup; done < options.saves; done += options.burst) {
      const texts = Array.from({ length: done < 0 ? warmup : options.burst }, next);
      for (const target of targets) {
        for (const text of texts) {
          const start = performance.now();
          await target.save(text);
          if (done >= 0) target.samples.push(performance.now() - start);
        }
        if (target.checkpointing === 'idle') idleCheckpoint(target, done >= 0);
      }
    }
    const textBytes = Buffer.byteLength(next());
    return {
      textBytes,
      savesPerVariant: options.saves,
      burst: options.burst,
      settings,
      variants: targets.map((t) => ({
        path: t.path,
        checkpointing: t.checkpointing,
        saves: summarize(t.samples),
        checkpoints: t.checkpointing === 'idle' ? summarize(t.checkpointMs) : null,
        walMegabytes: t.checkpointing === 'idle' ? summarize(t.walMegabytes) : null,
        incompleteCheckpoints: t.incompleteCheckpoints,
      })),
    };
  } finally {
    for (const api of apis) api.shutdown();
    for (const target of targets) if (target.path === 'plain store') target.db.close();
  }
}

/** What an idle timer would run: copy the WAL into the database while nobody is typing. */
function idleCheckpoint(target: Target, record: boolean): void {
  const start = performance.now();
  const [result] = target.db.pragma('wal_checkpoint(PASSIVE)') as Array<{
    busy: number;
    log: number;
    checkpointed: number;
  }>;
  if (!record || !result) return;
  target.checkpointMs.push(performance.now() - start);
  const pageSize = Number(target.db.pragma('page_size', { simple: true }));
  target.walMegabytes.push((result.log * (pageSize + 24)) / 1024 / 1024);
  if (result.busy !== 0 || result.checkpointed < result.log) target.incompleteCheckpoints++;
}
