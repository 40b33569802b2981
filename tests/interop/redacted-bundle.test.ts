/**
 * THE acceptance test of redaction (issue 6): a testimony whose answers, narrative, event reason,
 * register entries, file names and a photo's pixels and metadata carry a survivor's name, phone
 * and place is exported through the "Redacted" profile, then opened with the standard tools only
 * (`age -d`, `tar -x`, `pdftotext`). Every byte of every file, the text of every PDF, and every
 * file name must hold none of the redacted strings in any case or apostrophe spelling: zero hits.
 * The bundle still verifies (`svidok verify`), and each redaction change is a custody entry.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../electron/main/exports';
import { verifyBundle } from '../../electron/main/verify';
import type { SectionAnswers } from '../../shared/forms/answers';
import { ok } from '../helpers/api';
import { STORE_SCOPES } from '../helpers/consent';
import { ageKeygen, makeExportVault } from '../helpers/export-vault';
import type { ExportVault, SampleTestimony } from '../helpers/export-vault';
import { createTempDirs } from '../helpers/temp';

const dirs = createTempDirs('svidok-redacted-');

// The survivor's name in three spellings, a relative's name, a phone and a village.
const SURNAME = 'Ковальчук';
const FIRST = 'Марʼяна';
const FIRST_VARIANTS = ['Марʼяна', "Мар'яна", 'Мар’яна', 'МАРʼЯНА', "МАР'ЯНА", 'марʼяна'];
const PHONE = '+380 67 123 45 67';
const VILLAGE = 'Великі Копані';
const SPAN_SECRET = 'у погребі сусіда Остапенка';
/** Every string that must not survive, in every spelling the test planted. */
const SECRETS = [
  SURNAME,
  SURNAME.toUpperCase(),
  ...FIRST_VARIANTS,
  PHONE,
  '0671234567',
  VILLAGE,
  SPAN_SECRET,
  'Остапенка',
];

const NARRATIVE =
  `Мене звати ${FIRST} ${SURNAME}. Мене забрали з села ${VILLAGE} у березні. ` +
  `Мене тримали ${SPAN_SECRET} два дні. МАР'ЯНО, казали вони, МАР'ЯНА ${SURNAME.toUpperCase()} ` +
  `нічого не скаже. Мій номер тоді був ${PHONE}, а в матері 0671234567. ` +
  `Сусіди писали моє ім'я по-різному: ${FIRST_VARIANTS.join(', ')}.`;

let v: ExportVault;
let main: SampleTestimony;
let result: ExportResult;
let bag: string;
let key: { file: string; publicKey: string };
let photoBox: { x: number; y: number; w: number; h: number };

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function photoWithGps(): Promise<Buffer> {
  const width = 160;
  const height = 120;
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = 80 + ((i * 7) % 150);
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SpyPhoneMaker', Model: 'Model-X42' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '47/1 5/1 42/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '37/1 32/1 29/1',
      },
    })
    .toBuffer();
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The secrets found in some bytes: as UTF-8 and, for the ASCII ones, UTF-16LE too. */
function hits(bytes: Buffer): string[] {
  return SECRETS.filter(
    (s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')),
  );
}

beforeAll(async () => {
  const dir = dirs.make('vault');
  v = await makeExportVault(dir);
  key = ageKeygen(dir);
  await v.addRecipient(key.publicKey, 'ngo', 'Правозахисна група');
  const photo = await photoWithGps();
  main = await v.addTestimony({
    recordCode: 'UA-RD-0001',
    scopes: [...STORE_SCOPES, 'share_ngo', 'share_national_prosecutor'],
    files: [
      { name: `${SURNAME} фото.jpg`, bytes: photo },
      { name: 'довідка.txt', bytes: Buffer.from(`Довідка на ім'я ${SURNAME}\n`, 'utf8') },
      { name: `лист ${FIRST}.txt`, bytes: Buffer.from('Без імен усередині.\n', 'utf8') },
    ],
  });
  const t = v.t;
  const id = main.id;
  ok(await t.call('testimony:saveNarrative', { id, narrative: NARRATIVE, baseRevision: 1 }));
  const C: SectionAnswers = {
    name_uk: { state: 'answered', value: `${SURNAME} ${FIRST} Іванівна` },
    birth_place: { state: 'answered', value: VILLAGE },
    citizenship: { state: 'answered', value: 'Україна' },
  };
  ok(
    await t.call('interview:saveSection', {
      testimonyId: id,
      sectionId: 'C',
      answers: C,
      baseRevision: 0,
    }),
  );
  const D: SectionAnswers = {
    recordings: { state: 'answered', value: `Запис у телефоні ${PHONE}` },
  };
  ok(
    await t.call('interview:saveSection', {
      testimonyId: id,
      sectionId: 'D',
      answers: D,
      baseRevision: 0,
    }),
  );
  ok(await t.call('interview:event', { testimonyId: id, kind: 'session_started' }));
  ok(
    await t.call('interview:event', {
      testimonyId: id,
      kind: 'session_stopped',
      reason: `Прийшла ${FIRST}`,
    }),
  );
  // A perpetrator the narrative names without a link still appears in no file.
  ok(
    await t.call('register:save', {
      register: 'perpetrators',
      entry: { names: ['Остапенко'], callSigns: [], unit: '', description: '' },
    }),
  );

  const add = async (redaction: Record<string, unknown>) =>
    ok(
      await t.call('redaction:add', {
        testimonyId: id,
        redaction: { id: randomUUID(), ...redaction } as never,
      }),
    );
  await add({ kind: 'entity', text: SURNAME, category: 'name' });
  await add({ kind: 'entity', text: "Мар'яна", category: 'name' });
  await add({ kind: 'entity', text: VILLAGE, category: 'place' });
  await add({ kind: 'entity', text: PHONE, category: 'contact' });
  await add({ kind: 'entity', text: '0671234567', category: 'contact' });
  const start = NARRATIVE.indexOf(SPAN_SECRET);
  await add({
    kind: 'span',
    field: 'narrative',
    revision: 2,
    start,
    end: start + SPAN_SECRET.length,
    category: 'place',
    reason: 'чужий будинок',
  });
  await add({ kind: 'field', field: 'D.recordings', category: 'contact' });
  const [jpg, txt] = main.attachments;
  photoBox = { x: 16, y: 24, w: 64, h: 40 };
  await add({
    kind: 'attachment',
    attachmentId: jpg!.id,
    action: 'blackout',
    regions: [photoBox],
    category: 'other',
  });
  await add({ kind: 'attachment', attachmentId: txt!.id, action: 'exclude', category: 'name' });
  // "МАР'ЯНО" (vocative) is another form of the name: redacted by its own span.
  const vocative = NARRATIVE.indexOf("МАР'ЯНО");
  await add({
    kind: 'span',
    field: 'narrative',
    revision: 2,
    start: vocative,
    end: vocative + "МАР'ЯНО".length,
    category: 'name',
  });

  result = await t.api.services.exports.exportBundle({
    testimonyIds: [id],
    recipients: [key.publicKey],
    outDir: dirs.make('out'),
    profile: 'redacted',
  });
  const work = dirs.make('recipient');
  run('age', ['-d', '-i', key.file, '-o', join(work, 'bundle.tar'), result.path]);
  run('tar', ['-xf', join(work, 'bundle.tar'), '-C', work]);
  bag = join(work, result.bundleId);
}, 180_000);

afterAll(() => {
  v?.t.api.shutdown();
  dirs.cleanup();
});

describe('a bundle exported through the Redacted profile', () => {
  it('no file, no PDF text and no file name holds any redacted string: zero hits', () => {
    const files = walk(bag);
    expect(files.length).toBeGreaterThan(8);
    const found: string[] = [];
    for (const file of files) {
      const name = relative(bag, file);
      for (const s of hits(Buffer.from(name, 'utf8'))) found.push(`name ${name}: ${s}`);
      for (const s of hits(readFileSync(file))) found.push(`bytes of ${name}: ${s}`);
      if (file.endsWith('.pdf')) {
        const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
        for (const s of hits(Buffer.from(text, 'utf8'))) found.push(`pdftotext ${name}: ${s}`);
        // The test must be able to fail: the PDF's text is really read.
        expect(text).toContain('[REDACTED: name]');
      }
    }
    expect(found).toEqual([]);
  });

  it('the same scan finds the strings in a full bundle of the same testimony (the scan can fail)', async () => {
    const prosecutor = ageKeygen(dirs.make('prosecutor'));
    await v.addRecipient(prosecutor.publicKey, 'national_prosecutor');
    const full = await v.t.api.services.exports.exportBundle({
      testimonyIds: [main.id],
      recipients: [prosecutor.publicKey],
      outDir: dirs.make('out-full'),
    });
    const work = dirs.make('full');
    run('age', ['-d', '-i', prosecutor.file, '-o', join(work, 'bundle.tar'), full.path]);
    run('tar', ['-xf', join(work, 'bundle.tar'), '-C', work]);
    const found = new Set<string>();
    for (const file of walk(join(work, full.bundleId))) {
      for (const s of hits(Buffer.from(relative(work, file), 'utf8'))) found.add(s);
      for (const s of hits(readFileSync(file))) found.add(s);
    }
    expect([...found].sort()).toEqual([...new Set(SECRETS)].sort());
  });

  it('shows each redaction as a visible token, and keeps what was not redacted', () => {
    const folder = join(bag, 'data', 'testimonies', 'UA-RD-0001');
    const json = JSON.parse(readFileSync(join(folder, 'testimony.json'), 'utf8'));
    expect(json.narrative.text).toContain('Мене звати [REDACTED: name] [REDACTED: name].');
    expect(json.narrative.text).toContain('Мене тримали [REDACTED: place] два дні.');
    expect(json.narrative.text).toContain('у березні');
    // Section C is identifying: the Redacted profile removes it whole; D.recordings by a field redaction.
    expect(json.sections.C.name_uk).toEqual({ state: 'redacted', category: 'name' });
    expect(json.sections.D.recordings).toEqual({ state: 'redacted', category: 'contact' });
    expect(json.events.find((e: { kind: string }) => e.kind === 'session_stopped').reason).toBe(
      'Прийшла [REDACTED: name]',
    );
    // The excluded file is gone; the others travel under redacted names.
    const names = readdirSync(join(folder, 'attachments')).sort();
    expect(names).toHaveLength(2);
    expect(json.attachments).toHaveLength(2);
  });

  it('the photo travels blacked out, with its GPS and camera gone; the vault keeps the original', async () => {
    const folder = join(bag, 'data', 'testimonies', 'UA-RD-0001', 'attachments');
    const jpg = readdirSync(folder).find((n) => n.endsWith('.jpg'));
    expect(jpg).toBeDefined();
    const bytes = readFileSync(join(folder, jpg!));
    const tags = (await exifr
      .parse(bytes, { gps: true, tiff: true, xmp: true, iptc: true })
      .catch(() => undefined)) as Record<string, unknown> | undefined;
    expect(tags?.latitude).toBeUndefined();
    expect(tags?.Make).toBeUndefined();
    expect(tags?.Model).toBeUndefined();
    expect(bytes.includes(Buffer.from('SpyPhoneMaker'))).toBe(false);
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    let nonBlack = 0;
    for (let y = photoBox.y; y < photoBox.y + photoBox.h; y++) {
      for (let x = photoBox.x; x < photoBox.x + photoBox.w; x++) {
        const o = (y * info.width + x) * info.channels;
        if (data[o] !== 0 || data[o + 1] !== 0 || data[o + 2] !== 0) nonBlack++;
      }
    }
    expect(nonBlack).toBe(0);
    // The original in the vault is untouched: same intake hash, GPS still there.
    const original = main.attachments[0]!;
    const listed = v.t.api.services.attachments.list(main.id).find((a) => a.id === original.id);
    expect(listed?.sha256).toBe(original.sha256);
    const stream = await v.t.api.services.attachments.open(original.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const gps = await exifr.gps(Buffer.concat(chunks));
    expect(gps?.latitude).toBeCloseTo(47.095, 2);
  });

  it('verifies with svidok verify like any bundle', async () => {
    const report = await verifyBundle({
      bundlePath: result.path,
      identity: readFileSync(key.file, 'utf8'),
    });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('its custody excerpt leaves out the entries that hash the original content, and still chains', () => {
    const lines = readFileSync(join(bag, 'data', 'custody.jsonl'), 'utf8')
      .trimEnd()
      .split('\n');
    const entries = lines.map((l) => JSON.parse(l) as { action?: string; testimony?: string });
    const mine = entries.filter((e) => e.testimony === main.id).map((e) => e.action);
    expect(mine).toContain('testimony.created');
    expect(mine).toContain('redaction.changed');
    expect(mine).not.toContain('testimony.revised');
    expect(mine).not.toContain('interview.section_saved');
    // The vault has them: the bundle omitted them, as runs the chain still links through.
    const inVault = v.t.api.services.custody.entries().filter((e) => e.testimony === main.id);
    expect(inVault.some((e) => e.action === 'interview.section_saved')).toBe(true);
    expect(entries.some((e) => 'omitted' in e)).toBe(true);
  });

  it('every redaction change and the export are custody entries that carry no redacted text', () => {
    const entries = v.t.api.services.custody.entries().filter((e) => e.testimony === main.id);
    const changes = entries.filter((e) => e.action === 'redaction.changed');
    expect(changes).toHaveLength(10);
    expect(changes.every((e) => (e.details as { op?: string }).op === 'added')).toBe(true);
    const exported = entries.find((e) => e.action === 'bundle.exported');
    expect((exported?.details as { profile?: string }).profile).toBe('redacted');
    expect(hits(Buffer.from(JSON.stringify(entries), 'utf8'))).toEqual([]);
  });
});
