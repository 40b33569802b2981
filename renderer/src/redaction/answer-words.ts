/**
 * An answer as words to read in the redaction screen: vocabulary labels, dates read out, register
 * entries by the name the document itself carries (so a redacted register name shows redacted),
 * body regions by label. Plain strings only: the preview puts them in text nodes.
 */
import type { TFunction } from 'i18next';
import { formatApproximateDate } from '../../../shared/forms/approximate-date';
import { BODY_REGIONS } from '../../../shared/forms/body-map';
import { findVocabulary } from '../../../shared/forms/template';
import type { LeafField, Template } from '../../../shared/forms/template';
import type { PreviewDocument } from '../../../shared/ipc-redaction';
import { redactionToken } from '../../../shared/redaction/text';
import type { RedactionCategory } from '../../../shared/redaction/model';
import type { EntryAnswer } from './document-entries';

export interface WordsContext {
  readonly lang: 'uk' | 'en';
  readonly t: TFunction;
  readonly template: Template;
  readonly registers: PreviewDocument['registers'];
}

function registerName(ctx: WordsContext, ref: string): string {
  const facility = ctx.registers.facilities.find((f) => f.id === ref);
  if (facility) return facility.name;
  const perpetrator = ctx.registers.perpetrators.find((p) => p.id === ref);
  if (perpetrator) return [...perpetrator.names, ...perpetrator.callSigns].join(', ');
  const person = ctx.registers.people?.find((p) => p.id === ref);
  if (person) return person.names.join(', ');
  return '?';
}

/** What a leaf answer says; a removed answer reads as its token, as the export writes it. */
export function answerWords(ctx: WordsContext, field: LeafField, answer: EntryAnswer): string {
  switch (answer.state) {
    case 'redacted':
      return redactionToken([(answer.category ?? 'other') as RedactionCategory]);
    case 'unknown':
      return ctx.t('field.unknown');
    case 'declined':
      return ctx.t('field.declined');
  }
  const value = answer.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if ('refs' in value && Array.isArray(value.refs)) {
      const names = value.refs.map((ref) => registerName(ctx, String(ref)));
      const text = 'text' in value && typeof value.text === 'string' ? value.text.trim() : '';
      return [...names, ...(text ? [text] : [])].join('; ');
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('ref' in value && typeof value.ref === 'string') return registerName(ctx, value.ref);
    return '';
  }
  const codes = Array.isArray(value) ? value.map(String) : [String(value)];
  switch (field.kind) {
    case 'yesno':
      return value === 'yes' ? ctx.t('field.yes') : value === 'no' ? ctx.t('field.no') : codes[0]!;
    case 'date':
      return formatApproximateDate(codes[0]!, ctx.lang) || codes[0]!;
    case 'choice':
    case 'multi': {
      const terms = findVocabulary(ctx.template, field.vocabulary)?.terms ?? [];
      return codes
        .map((c) => terms.find((term) => term.code === c)?.label[ctx.lang] ?? c)
        .join(', ');
    }
    case 'bodymap':
      return codes
        .map((c) => BODY_REGIONS.find((r) => r.id === c)?.label[ctx.lang] ?? c)
        .join(', ');
    default:
      return codes.join(', ');
  }
}
