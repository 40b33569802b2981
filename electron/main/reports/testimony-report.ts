/**
 * The PDF report of one testimony for a sealed bundle: a cover page (record code, dates,
 * interviewer, template, bundle id, hashes), the free account, every section with "unknown" and
 * "declined" shown as such, body-map figures, the attachments with their SHA-256, and a custody
 * summary. The fonts are embedded (Cyrillic included); the creation date is the bundle's, so the
 * same input makes the same file.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';

/** Answers as a bundle carries them: a redacted bundle's may be `{ state: 'redacted' }`. */
type SectionAnswers = TestimonyJsonV2['sections'][string];
import type { Template } from '../../../shared/forms/template';
import { catalogues } from '../../../shared/i18n';
import type { AnswerContext, Registers } from './answer-text';
import { answerText, fill } from './answer-text';
import { drawBodyFigures } from './body-figure';
import { PdfLayout } from './pdf-layout';
import type { FontFiles } from './report-fonts';

export interface ReportInput {
  readonly lang: 'uk' | 'en';
  readonly bundleId: string;
  /** ISO time; also the PDF's creation date. */
  readonly generatedAt: string;
  readonly recordCode: string;
  readonly createdAt: string;
  readonly interviewer?: string;
  readonly template: Template;
  readonly sections: Readonly<Record<string, SectionAnswers>>;
  readonly narrative: { readonly text: string; readonly revision: number; readonly sha256: string };
  readonly registers: Registers;
  readonly attachments: ReadonlyArray<{ fileName: string; size: number; sha256: string }>;
  readonly custody: ReadonlyArray<{ seq: number; at: string; action: string }>;
  /** Other hashes for the cover page, e.g. testimony.json's. */
  readonly hashes: ReadonlyArray<{ label: string; sha256: string }>;
}

/** How many custody entries the summary lists; all of them travel in data/custody.jsonl. */
const CUSTODY_LINES = 60;

export async function renderTestimonyPdf(
  input: ReportInput,
  files: FontFiles,
): Promise<Uint8Array> {
  const m = catalogues[input.lang].report;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  };
  const when = new Date(input.generatedAt);
  doc.setTitle(`${m.title}: ${input.recordCode}`);
  doc.setProducer('Svidok');
  doc.setCreator('Svidok');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const layout = new PdfLayout(doc, fonts);
  const ctx: AnswerContext = {
    lang: input.lang,
    m,
    template: input.template,
    registers: input.registers,
  };

  cover(layout, input, m);
  layout.newPage();
  layout.heading(m.narrative);
  layout.text(
    fill(m.narrativeRevision, { n: input.narrative.revision, hash: input.narrative.sha256 }),
    { size: 8, muted: true, after: 8 },
  );
  layout.text(input.narrative.text || m.empty, { size: 10 });
  for (const section of input.template.sections) {
    sectionBlock(layout, ctx, section, input.sections[section.id] ?? {});
  }
  listBlocks(layout, input, m);
  layout.footers((n, total) => fill(m.page, { code: input.recordCode, n, total }));
  return doc.save({ useObjectStreams: false });
}

function cover(layout: PdfLayout, input: ReportInput, m: ReportMessages): void {
  layout.text(m.title, { size: 20, bold: true, after: 12 });
  const row = (label: string, value: string) => {
    layout.text(label, { size: 9, muted: true, after: 0 });
    layout.text(value, { size: 11, after: 6 });
  };
  row(m.recordCode, input.recordCode);
  row(m.created, input.createdAt);
  row(m.generated, input.generatedAt);
  if (input.interviewer) row(m.interviewer, input.interviewer);
  row(
    m.template,
    `${input.template.title[input.lang]} (${input.template.id} v${input.template.version})`,
  );
  row(m.bundle, input.bundleId);
  layout.heading(m.hashes, 12);
  for (const { label, sha256 } of input.hashes) row(label, sha256);
}

type ReportMessages = (typeof catalogues)['en']['report'];

function sectionBlock(
  layout: PdfLayout,
  ctx: AnswerContext,
  section: Template['sections'][number],
  answers: SectionAnswers,
): void {
  layout.heading(`${section.id}. ${section.title[ctx.lang]}`);
  let notAsked = 0;
  for (const field of section.fields) {
    const answer = answers[field.id];
    if (!answer) {
      notAsked++;
      continue;
    }
    layout.text(field.label[ctx.lang], { size: 9, bold: true, after: 0 });
    if (field.kind !== 'group' || answer.state !== 'answered') {
      const text =
        field.kind === 'group'
          ? answerText(ctx, { ...field, kind: 'text' }, answer)
          : answerText(ctx, field, answer);
      layout.text(text ?? '', { size: 10, indent: 8, after: 5 });
      if (field.kind === 'bodymap' && answer.state === 'answered') {
        drawBodyFigures(
          layout,
          new Set(answer.value as string[]),
          { front: ctx.m.front, back: ctx.m.back },
          8,
        );
      }
      continue;
    }
    const items = (answer.value as { items: Array<{ answers: SectionAnswers }> }).items;
    items.forEach((item, i) => {
      layout.text(fill(ctx.m.item, { item: field.itemLabel[ctx.lang], n: i + 1 }), {
        size: 9,
        bold: true,
        indent: 8,
        after: 1,
      });
      for (const child of field.fields) {
        const text = answerText(ctx, child, item.answers[child.id]);
        if (text === undefined) continue;
        layout.text(`${child.label[ctx.lang]}: ${text}`, { size: 9.5, indent: 16, after: 2 });
        const value = item.answers[child.id];
        if (child.kind === 'bodymap' && value?.state === 'answered') {
          drawBodyFigures(
            layout,
            new Set(value.value as string[]),
            { front: ctx.m.front, back: ctx.m.back },
            16,
          );
        }
      }
      layout.space(4);
    });
  }
  layout.text(fill(ctx.m.notAskedCount, { n: notAsked, total: section.fields.length }), {
    size: 8,
    muted: true,
    after: 4,
  });
}

function listBlocks(layout: PdfLayout, input: ReportInput, m: ReportMessages): void {
  layout.heading(m.attachments);
  if (input.attachments.length === 0) layout.text(m.noAttachments, { size: 9.5 });
  for (const a of input.attachments) {
    layout.text(fill(m.attachmentLine, { name: a.fileName, size: a.size, sha256: a.sha256 }), {
      size: 9,
      after: 3,
    });
  }
  layout.heading(m.custody);
  for (const entry of input.custody.slice(0, CUSTODY_LINES)) {
    layout.text(fill(m.custodyLine, entry), { size: 8.5, after: 1 });
  }
  if (input.custody.length > CUSTODY_LINES) {
    layout.text(fill(m.custodyMore, { n: input.custody.length - CUSTODY_LINES }), {
      size: 8.5,
      muted: true,
    });
  }
}
