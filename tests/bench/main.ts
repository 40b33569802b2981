/**
 * `npm run bench`: the vault's performance, each figure beside a peer measured in the same run,
 * printed as ratios and written to test-results/bench.json. Nothing here fails on a time: the
 * numbers are for reading (and for the closing note of the issue).
 *
 *   npm run bench                       all sections (a few minutes)
 *   npm run bench -- --quick            small sizes, to try the script
 *   npm run bench -- --only fts,unlock  some sections (autosave, fts, unlock, attachments, age, seal,
 *                                       keystroke: tests/bench/keystroke, in Chromium)
 *   npm run bench -- --soak [--kills N] [--seed S]   the crash loop, long (bench-soak.json)
 *
 * Run by tests/bench/run.mjs, which bundles this file and the crash test's child.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSodium } from '../../electron/main/vault';
import { benchAge, probeAgeRss } from './age';
import { benchSeal, probeSealRss } from './seal';
import type { SealResult } from './seal';
import type { AgeResult } from './age';
import { benchAttachments } from './attachments';
import type { AttachmentsResult } from './attachments';
import { benchAutosave } from './autosave';
import type { AutosaveResult, AutosaveVariant } from './autosave';
import { benchFts } from './fts';
import type { FtsResult } from './fts';
import { soak } from './soak';
import { ms, ratio, table, times } from './stats';
import { benchUnlock, probe } from './unlock';
import type { ProbeKind, UnlockResult } from './unlock';

const SECTIONS = ['autosave', 'fts', 'unlock', 'attachments', 'age', 'seal'] as const;
type Section = (typeof SECTIONS)[number];

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function environment() {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version() AS v, sqlite3mc_version() AS mc').get() as {
    v: string;
    mc: string;
  };
  db.close();
  const sodium = await loadSodium();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    sqlite: sqlite.v,
    sqlite3mc: sqlite.mc,
    libsodium: sodium.sodium_version_string(),
  };
}

function printAutosave(r: AutosaveResult): void {
  const find = (path: AutosaveVariant['path'], mode: AutosaveVariant['checkpointing']) =>
    r.variants.find((v) => v.path === path && v.checkpointing === mode) as AutosaveVariant;
  const rows: string[][] = [
    ['WAL checkpoints', 'path', 'p50', 'p99', 'max', 'p50 ratio', 'p99 ratio'],
  ];
  for (const mode of ['auto', 'idle'] as const) {
    const peer = find('plain store', mode);
    for (const path of ['plain store', 'SQLCipher store', 'SQLCipher dispatch'] as const) {
      const v = find(path, mode);
      rows.push([
        mode === 'auto' ? 'auto (1000 pages)' : 'off + idle PASSIVE',
        path,
        ms(v.saves.p50),
        ms(v.saves.p99),
        ms(v.saves.max),
        path === 'plain store' ? 'peer' : times(ratio(v.saves.p50, peer.saves.p50)),
        path === 'plain store' ? 'peer' : times(ratio(v.saves.p99, peer.saves.p99)),
      ]);
    }
  }
  console.log(
    `\nAutosave: ${r.savesPerVariant} saves of a ${(r.textBytes / 1024).toFixed(1)} KB ` +
      `testimony per variant (ratios against plain SQLite with the same settings)`,
  );
  console.log(table(rows));
  const idle = [
    ['idle checkpoint', 'p50', 'max', `WAL (${r.burst} saves) p50`, 'max', 'incomplete'],
    ...r.variants
      .filter((v) => v.checkpoints && v.walMegabytes)
      .map((v) => [
        v.path,
        ms(v.checkpoints!.p50),
        ms(v.checkpoints!.max),
        `${v.walMegabytes!.p50.toFixed(1)} MB`,
        `${v.walMegabytes!.max.toFixed(1)} MB`,
        String(v.incompleteCheckpoints),
      ]),
  ];
  console.log(table(idle));
  const s = r.settings;
  console.log(
    `settings (both): journal_mode=${s.journal_mode} synchronous=${s.synchronous} ` +
      `cache_size=${s.cache_size} page_size=${s.page_size} secure_delete=${s.secure_delete}`,
  );
}

function printFts(r: FtsResult): void {
  console.log(
    `\nSearch (TestimonyStore.search: FTS5 trigram, top 50 by rank with excerpts) over ` +
      `${r.documents} testimonies (average ${r.averageChars} characters), loaded through the ` +
      `store in ${r.loadSeconds.cipher.toFixed(1)} s (SQLCipher) / ` +
      `${r.loadSeconds.plain.toFixed(1)} s (plain); files ` +
      `${(r.fileBytes.cipher / 1e6).toFixed(0)} / ${(r.fileBytes.plain / 1e6).toFixed(0)} MB`,
  );
  const rows = [
    ['query', 'matches', 'SQLCipher p50', 'p95', 'plain p50', 'p95', 'p50 ratio', 'p95 ratio'],
  ];
  for (const q of r.queries) {
    rows.push([
      q.query,
      String(q.matches),
      ms(q.cipher.p50),
      ms(q.cipher.p95),
      ms(q.plain.p50),
      ms(q.plain.p95),
      times(ratio(q.cipher.p50, q.plain.p50)),
      times(ratio(q.cipher.p95, q.plain.p95)),
    ]);
  }
  console.log(table(rows));
  const { cipher, plain } = r.reindex;
  console.log(
    `reindex one 20 KB text (delete + insert, one transaction, fsync), ${cipher.n} times: ` +
      `SQLCipher p50 ${ms(cipher.p50)} p99 ${ms(cipher.p99)}, plain p50 ${ms(plain.p50)} ` +
      `p99 ${ms(plain.p99)} (${times(ratio(cipher.p50, plain.p50))} / ` +
      `${times(ratio(cipher.p99, plain.p99))})`,
  );
  console.log(`index DDL (from the vault's migrations): ${r.ddl}`);
}

function printUnlock(r: UnlockResult): void {
  console.log(
    `\nUnlock at KDF_DEFAULT (Argon2id, ${r.memlimitMiB} MiB, ${r.opslimit} passes) ` +
      `against crypto_pwhash at the same cost`,
  );
  console.log(
    table([
      ['', 'runs', 'unlock (median)', 'crypto_pwhash (median)', 'ratio'],
      ...(['warm', 'cold'] as const).map((k) => [
        k === 'warm' ? 'warm (same process)' : 'cold (fresh process)',
        String(r[k].unlock.n),
        ms(r[k].unlock.p50),
        ms(r[k].pwhash.p50),
        times(ratio(r[k].unlock.p50, r[k].pwhash.p50)),
      ]),
    ]),
  );
}

function printAttachments(r: AttachmentsResult): void {
  const mbps = (s: number) => `${(r.fileBytes / 1024 / 1024 / s).toFixed(0)} MB/s`;
  const { intake, hashedCopy, osCopy } = r.seconds;
  console.log(
    `\nAttachment intake of a ${r.fileBytes / 1024 / 1024} MB file (median of ${r.runs})`,
  );
  console.log(
    table([
      ['', 'seconds', 'throughput', 'time ratio of intake'],
      ['intake (hash, encrypt, fsync, row)', intake.toFixed(2), mbps(intake), ''],
      [
        'peer: streamed copy + SHA-256 + fsync',
        hashedCopy.toFixed(2),
        mbps(hashedCopy),
        times(ratio(intake, hashedCopy)),
      ],
      [
        'peer: fs.copyFile (no fsync)',
        osCopy.toFixed(2),
        mbps(osCopy),
        times(ratio(intake, osCopy)),
      ],
    ]),
  );
}

function printAge(r: AgeResult): void {
  const MiB = 1024 * 1024;
  const mbps = (s: number) => `${(r.fileBytes / MiB / s).toFixed(0)} MiB/s`;
  const { svidok, ageCli } = r.seconds;
  console.log(
    `\nSealing a ${r.fileBytes / MiB} MiB file to one X25519 recipient, file to file ` +
      `(median of ${r.runs}); ratio = age's time / Svidok's (goal ≥ 0.8×)`,
  );
  console.log(
    table([
      ['', 'seconds', 'throughput', 'ratio'],
      ['Svidok encryptAge', svidok.toFixed(2), mbps(svidok), times(r.ratio)],
      ['peer: age -r (Go)', ageCli.toFixed(2), mbps(ageCli), 'peer'],
    ]),
  );
  console.log('Peak RSS while sealing, each in a fresh process (VmHWM; goal: flat, < 256 MiB)');
  console.log(
    table([
      ['plaintext', 'peak RSS', 'RSS before sealing', 'seconds'],
      ...r.rss.map((x) => [
        `${(x.plaintextBytes / MiB).toFixed(0)} MiB`,
        `${(x.peakRssBytes / MiB).toFixed(1)} MiB`,
        `${(x.baselineRssBytes / MiB).toFixed(1)} MiB`,
        x.seconds.toFixed(1),
      ]),
    ]),
  );
}

function printSeal(r: SealResult): void {
  const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `\nseal: a bundle of ${mib(r.attachmentBytes)} of attachments (${mib(r.bundleBytes)} sealed), ` +
      `median of ${r.runs}: Svidok ${r.seconds.svidok.toFixed(2)} s, age -r on the same tar ` +
      `${r.seconds.ageCli.toFixed(2)} s; ratio ${r.ratio.toFixed(2)}x (goal ≥ 0.8x)`,
  );
  console.log(
    `  work age -r does not do, each alone: decrypting the attachments out of the vault ` +
      `${r.stages.decryptAttachments.toFixed(2)} s, SHA-256 of the bundle ` +
      `${r.stages.sha256OfBundle.toFixed(2)} s`,
  );
  for (const x of r.rss) {
    console.log(
      `  peak RSS exporting ${mib(x.attachmentBytes)}: ${mib(x.peakRssBytes)} ` +
        `(before: ${mib(x.baselineRssBytes)}; ${x.seconds.toFixed(1)} s)`,
    );
  }
}

async function runSections(args: readonly string[], script: string): Promise<void> {
  const quick = args.includes('--quick');
  const only = option(args, '--only')?.split(',') ?? [...SECTIONS];
  const chosen = SECTIONS.filter((s) => only.includes(s));
  const workDir = mkdtempSync(join(tmpdir(), 'svidok-bench-'));
  const results: Partial<Record<Section, unknown>> = {};
  const errors: Partial<Record<Section, string>> = {};
  const env = await environment();
  const started = performance.now();
  console.log(
    `Svidok benchmark${quick ? ' (quick)' : ''}: node ${env.node}, ${env.cpus} × ${env.cpuModel}, ` +
      `${env.sqlite3mc} (SQLite ${env.sqlite}), libsodium ${env.libsodium}, ` +
      `load average ${env.loadAverage.join(' ')}`,
  );
  try {
    for (const section of chosen) {
      const dir = join(workDir, section);
      mkdirSync(dir);
      const sectionStart = performance.now();
      try {
        if (section === 'autosave') {
          const r = await benchAutosave(dir, {
            saves: quick ? 200 : 2000,
            burst: quick ? 50 : 100,
            seed: 1,
          });
          printAutosave(r);
          results.autosave = r;
        } else if (section === 'fts') {
          const r = await benchFts(dir, {
            documents: quick ? 1000 : 10_000,
            reindexes: quick ? 20 : 200,
            repeats: quick ? 5 : 30,
            seed: 2,
          });
          printFts(r);
          results.fts = r;
        } else if (section === 'unlock') {
          const r = await benchUnlock(dir, { warm: quick ? 1 : 5, cold: quick ? 1 : 3, script });
          printUnlock(r);
          results.unlock = r;
        } else if (section === 'seal') {
          const GiB = 1024 * 1024 * 1024;
          const r = await benchSeal(dir, {
            bytes: quick ? 64 * 1024 * 1024 : GiB,
            runs: quick ? 1 : 3,
            rssBytes: quick ? [64 * 1024 * 1024] : [GiB, 4 * GiB],
            script,
          });
          printSeal(r);
          results.seal = r;
        } else if (section === 'age') {
          const r = await benchAge(dir, {
            bytes: (quick ? 64 : 1024) * 1024 * 1024,
            runs: quick ? 1 : 3,
            rssTimes: [1, 4],
            script,
          });
          printAge(r);
          results.age = r;
        } else {
          const r = await benchAttachments(dir, {
            megabytes: quick ? 10 : 100,
            runs: quick ? 1 : 3,
          });
          printAttachments(r);
          results.attachments = r;
        }
      } catch (error) {
        errors[section] = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.log(`\n${section}: FAILED\n${errors[section]}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      console.log(`(${section}: ${((performance.now() - sectionStart) / 1000).toFixed(0)} s)`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const out = join(process.cwd(), 'test-results', 'bench.json');
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        quick,
        environment: { ...env, loadAverageAfter: loadavg().map((x) => Number(x.toFixed(2))) },
        seconds: Math.round((performance.now() - started) / 1000),
        results,
        errors,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${out}`);
  if (Object.keys(errors).length > 0) process.exitCode = 1;
}

async function runSoak(args: readonly string[]): Promise<void> {
  const childScript = process.env.SVIDOK_CRASH_CHILD;
  if (!childScript)
    throw new Error('SVIDOK_CRASH_CHILD is not set: run through tests/bench/run.mjs');
  const workDir = mkdtempSync(join(tmpdir(), 'svidok-soak-'));
  try {
    const seed = option(args, '--seed');
    const report = await soak(workDir, {
      childScript,
      kills: Number(option(args, '--kills') ?? 1000),
      ...(seed ? { seed: Number(seed) } : {}),
    });
    const { problems, ...counts } = report;
    console.log(JSON.stringify(counts, null, 2));
    for (const problem of problems) console.log(`PROBLEM ${problem}`);
    mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
    writeFileSync(
      join(process.cwd(), 'test-results', 'bench-soak.json'),
      JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2) + '\n',
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--probe' && args[1] === 'seal-rss') {
    console.log(JSON.stringify(await probeSealRss(args.slice(2))));
    return;
  }
  if (args[0] === '--probe' && args[1] === 'age-rss') {
    console.log(JSON.stringify(await probeAgeRss(args.slice(2))));
    return;
  }
  if (args[0] === '--probe') {
    console.log(String(await probe(args[1] as ProbeKind, args[2] ?? '')));
    return;
  }
  if (args.includes('--soak')) await runSoak(args);
  else await runSections(args, process.argv[1] ?? '');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
