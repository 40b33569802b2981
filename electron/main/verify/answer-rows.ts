/**
 * A testimony's answers as rows to read, in both UI languages, worded exactly as the PDF report
 * words them (reports/answer-text): vocabulary labels, dates read out, "Unknown" and "Declined to
 * answer" as such. The template is the one the bundle carries, so it is outside input: anything
 * that does not fit the shape the report expects gives no rows, never a crash.
 */
import type { Answer, LeafAnswer } from '../../../shared/forms/answers';
import type { LeafField, LocalText, Template } from '../../../shared/forms/template';
import { catalogues } from '../../../shared/i18n';
import { answerText, fill } from '../reports';
import type { AnswerContext, Registers } from '../reports';

export type RowState = 'answered' | 'unknown' | 'declined' | 'redacted';

export interface AnswerRow {
  /** The question; for a repeatable group's item, "<item label> <n> · <question>". */
  readonly label: LocalText;
  /** 'redacted': a redaction profile removed the answer; its text is then empty. */
  readonly state: RowState;
  readonly text: LocalText;
}

/** An answer as a bundle carries it: the vault's states, or one a redaction profile removed. */
export interface BundledAnswer {
  readonly state: string;
  readonly value?: unknown;
}
export type BundledSections = Readonly<Record<string, Readonly<Record<string, BundledAnswer>>>>;

export interface AnswerSection {
  readonly id: string;
  readonly title: LocalText;
  readonly rows: readonly AnswerRow[];
}

const both = (f: (lang: 'uk' | 'en') => string): LocalText => ({ uk: f('uk'), en: f('en') });

export function answerRows(
  template: Template,
  sections: BundledSections,
  registers: Registers,
): AnswerSection[] | null {
  try {
    const ctx = (lang: 'uk' | 'en'): AnswerContext => ({
      lang,
      m: catalogues[lang].report,
      template,
      registers,
    });
    const contexts = { uk: ctx('uk'), en: ctx('en') };
    const words = (f: (c: AnswerContext) => string | undefined): LocalText =>
      both((lang) => f(contexts[lang]) ?? '');
    const row = (label: LocalText, field: LeafField, answer: BundledAnswer): AnswerRow => {
      const state = rowState(answer.state);
      if (state === 'redacted') return { label, state, text: both(() => '') };
      return { label, state, text: words((c) => answerText(c, field, answer as LeafAnswer)) };
    };
    const out: AnswerSection[] = [];
    for (const section of template.sections) {
      const answers = sections[section.id] ?? {};
      const rows: AnswerRow[] = [];
      for (const field of section.fields) {
        const answer = answers[field.id];
        if (!answer) continue;
        if (field.kind !== 'group' || answer.state !== 'answered') {
          const leaf = field.kind === 'group' ? { ...field, kind: 'text' as const } : field;
          rows.push(row(text(field.label), leaf, answer));
          continue;
        }
        const items = (answer as Answer & { value: { items: GroupItems } }).value.items;
        items.forEach((item, i) => {
          for (const child of field.fields) {
            const value = item.answers[child.id];
            if (!value) continue;
            const label = both(
              (lang) =>
                `${fill(catalogues[lang].report.item, { item: field.itemLabel[lang], n: i + 1 })}` +
                ` · ${child.label[lang]}`,
            );
            rows.push(row(label, child, value));
          }
        });
      }
      if (rows.length > 0) out.push({ id: section.id, title: text(section.title), rows });
    }
    return out;
  } catch {
    return null;
  }
}

type GroupItems = ReadonlyArray<{ answers: Readonly<Record<string, BundledAnswer>> }>;

function rowState(state: string): RowState {
  if (state === 'answered' || state === 'unknown' || state === 'declined') return state;
  // Anything else a bundle may say (a redaction marker) shows no text: never guess a value.
  return 'redacted';
}

/** A template text, checked: both languages as strings (the bundle's template is outside input). */
function text(value: LocalText): LocalText {
  if (typeof value?.uk !== 'string' || typeof value.en !== 'string') throw new TypeError('label');
  return { uk: value.uk, en: value.en };
}
