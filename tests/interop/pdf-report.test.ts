/**
 * The PDF report of a testimony, read back with poppler's `pdftotext` (what an analyst would use):
 * the Cyrillic narrative is there as text, "unknown" and "declined" show as such, dates are read
 * out, attachments carry their SHA-256, controls are made visible, and the same input gives the
 * same bytes.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReportFonts, renderTestimonyPdf } from '../../electron/main/reports';
import type { ReportInput } from '../../electron/main/reports';
import type { SectionAnswers } from '../../shared/forms/answers';
import { CURRENT_TEMPLATE } from '../../shared/forms/templates';
import { createTempDirs } from '../helpers/temp';
import { sampleAnswers } from '../helpers/template-answers';

const dirs = createTempDirs('svidok-pdf-');
afterAll(() => dirs.cleanup());

const NARRATIVE =
  'Мене тримали в підвалі біля залізничного вокзалу три тижні. Допитували щоночі, ' +
  'вимагали назвати командирів. Охоронець з позивним «Грім» бив прикладом.';

function input(lang: 'uk' | 'en'): ReportInput {
  const sections: Record<string, SectionAnswers> = {};
  for (const section of CURRENT_TEMPLATE.sections) {
    sections[section.id] = sampleAnswers(CURRENT_TEMPLATE, section, { marker: 'ВІДПОВІДЬ' });
  }
  const c = sections['C'] as SectionAnswers;
  const [first, second] = Object.keys(c);
  c[first as string] = { state: 'unknown' };
  c[second as string] = { state: 'declined' };
  return {
    lang,
    bundleId: 'bundle-2026-12-01-abc',
    generatedAt: '2026-12-01T10:00:00.000Z',
    recordCode: 'UA-KH-0042',
    createdAt: '2026-11-30T09:00:00.000Z',
    template: CURRENT_TEMPLATE,
    sections,
    narrative: { text: NARRATIVE, revision: 7, sha256: 'a'.repeat(64) },
    registers: { facilities: [], perpetrators: [] },
    attachments: [{ fileName: 'фото\u202Egnp.exe', size: 1234, sha256: 'b'.repeat(64) }],
    custody: [{ seq: 1, at: '2026-11-30T09:00:00.000Z', action: 'testimony.created' }],
    hashes: [{ label: 'testimony.json', sha256: 'c'.repeat(64) }],
  };
}

function pdfText(bytes: Uint8Array): string {
  const path = join(dirs.make('out'), 'report.pdf');
  writeFileSync(path, bytes);
  // Lines wrapped by the layout break at spaces: joining them restores the sentences.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}

describe('testimony report PDF', () => {
  const fonts = loadReportFonts();

  it('holds the Cyrillic narrative, the answers and the hashes as extractable text (uk)', async () => {
    const text = pdfText(await renderTestimonyPdf(input('uk'), fonts));
    expect(text).toContain(NARRATIVE);
    expect(text).toContain('UA-KH-0042');
    expect(text).toContain('Невідомо');
    expect(text).toContain('Відмова відповідати');
    expect(text).toContain('ВІДПОВІДЬ');
    expect(text).toContain('приблизно березень 2022');
    expect(text).toContain('b'.repeat(64));
    expect(text).toContain('bundle-2026-12-01-abc');
    expect(text).toMatch(/UA-KH-0042 · сторінка 1 з \d+/);
    // A right-to-left override in a file name is shown, not obeyed.
    expect(text).toContain('фото[U+202E]gnp.exe');
    for (const section of CURRENT_TEMPLATE.sections) {
      expect(text).toContain(`${section.id}. ${section.title.uk}`);
    }
  });

  it('speaks English when asked, and is byte-identical for the same input', async () => {
    const english = input('en');
    const a = await renderTestimonyPdf(english, fonts);
    const b = await renderTestimonyPdf(english, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const text = pdfText(a);
    expect(text).toContain('Declined to answer');
    expect(text).toContain('about March 2022');
    expect(text).toContain(NARRATIVE);
  });
});
