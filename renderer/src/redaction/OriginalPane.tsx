/**
 * The left side: the original as the vault holds it, every text to mark passages in and every
 * answer to remove whole, labelled as in the interview. New marks take the category and reason
 * chosen at the top, which stays in view while the texts scroll.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SECTION } from '../../../shared/forms/consent';
import type { Template } from '../../../shared/forms/template';
import type { RedactionCategory } from '../../../shared/redaction/model';
import { MAX_REASON_CHARS } from '../../../shared/redaction/model';
import { useLocalText, useUiLanguage } from '../interview/local-text';
import { answerWords } from './answer-words';
import { CategorySelect } from './CategorySelect';
import { documentEntries, spanText } from './document-entries';
import type { Entry } from './document-entries';
import { marksOf } from './marks';
import { OriginalField } from './OriginalField';
import type { NewRedaction, RedactionState } from './use-redaction';

export function OriginalPane({
  state,
  template,
  busy,
  add,
}: {
  state: RedactionState;
  template: Template;
  busy: boolean;
  add: (redaction: NewRedaction) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const lang = useUiLanguage();
  const id = useId();
  const [category, setCategory] = useState<RedactionCategory>('name');
  const [reason, setReason] = useState('');
  const marks = useMemo(() => marksOf(state), [state]);
  // Not the consent (section B): it is what allows an export at all, codes and dates only.
  const sections = useMemo(
    () => documentEntries(template, state.original).filter((s) => s.section.id !== CONSENT_SECTION),
    [template, state],
  );
  const ctx = { lang, t, template, registers: state.original.registers };
  const extra = () => (reason.trim() ? { reason: reason.trim() } : {});

  const isRemoved = (path: string) =>
    marks.removed.has(path) || marks.removed.has(path.replace(/\[.*$/, ''));
  const labelOf = (entry: Entry) =>
    entry.kind === 'leaf' && entry.item
      ? `${t('field.group.item', { item: lt(entry.item.group.itemLabel), n: entry.item.n })} · ${lt(entry.field.label)}`
      : lt(entry.field.label);
  const wordsOf = (entry: Entry) =>
    entry.kind === 'group'
      ? t('redaction.groupItems', {
          count: (entry.answer.value as { items?: unknown[] } | undefined)?.items?.length ?? 0,
        })
      : answerWords(ctx, entry.field, entry.answer);

  const narrative = state.original.narrative;
  return (
    <section className="redaction-pane redaction-original" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('redaction.originalTitle')}</h2>
      <div className="redaction-mark-options" role="group" aria-label={t('redaction.markOptions')}>
        <CategorySelect id={`${id}-category`} value={category} onChange={setCategory} />
        <span className="redaction-control">
          <label htmlFor={`${id}-reason`}>{t('redaction.reason')}</label>
          <input
            id={`${id}-reason`}
            value={reason}
            maxLength={MAX_REASON_CHARS}
            onChange={(e) => setReason(e.target.value)}
          />
        </span>
        <p className="help">{t('redaction.selectHelp')}</p>
      </div>
      <OriginalField
        path="narrative"
        label={t('redaction.narrative')}
        text={narrative.text}
        words=""
        marks={marks.of('narrative', narrative.text, state.revisions.narrative)}
        removed={isRemoved('narrative')}
        busy={busy}
        onRedactSpan={(start, end) =>
          add({
            kind: 'span',
            field: 'narrative',
            revision: state.revisions.narrative,
            start,
            end,
            category,
            ...extra(),
          })
        }
        onRemoveWhole={() => add({ kind: 'field', field: 'narrative', category, ...extra() })}
      />
      {sections.map(({ section, entries }) => {
        const shown = entries.filter((e) => e.answer.state === 'answered');
        if (shown.length === 0) return null;
        const revision = state.revisions.sections[section.id] ?? 0;
        return (
          <section key={section.id} className="redaction-section" data-section={section.id}>
            <h3>
              {section.id}. {lt(section.title)}
            </h3>
            {shown.map((entry) => {
              const text = spanText(entry);
              return (
                <OriginalField
                  key={entry.path}
                  path={entry.path}
                  label={labelOf(entry)}
                  text={text}
                  words={text === null ? wordsOf(entry) : ''}
                  marks={text === null ? [] : marks.of(entry.path, text, revision)}
                  removed={isRemoved(entry.path)}
                  busy={busy}
                  onRedactSpan={(start, end) =>
                    add({
                      kind: 'span',
                      field: entry.path,
                      revision,
                      start,
                      end,
                      category,
                      ...extra(),
                    })
                  }
                  onRemoveWhole={() =>
                    add({ kind: 'field', field: entry.path, category, ...extra() })
                  }
                />
              );
            })}
          </section>
        );
      })}
    </section>
  );
}
