/**
 * Every redaction of this testimony, newest last, each with Remove. A stale span (its text was
 * edited after it was marked) is flagged here with what to do: it is not applied, and an export
 * through a redacting profile is refused until it is removed and marked again.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalFieldPath } from '../../../shared/redaction/field-path';
import type { RedactionState } from './use-redaction';

export function RedactionList({
  state,
  labelOf,
  textOf,
  busy,
  remove,
}: {
  state: RedactionState;
  /** The field's label as the original pane shows it. */
  labelOf: (path: string) => string;
  /** The field's current text, where it has one. */
  textOf: (path: string) => string | null;
  busy: boolean;
  remove: (redactionId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stale = new Map(state.stale.map((s) => [s.redactionId, s]));
  const fileName = (attachmentId: string) =>
    state.original.attachments.find((a) => a.id === attachmentId)?.fileName ?? '?';

  return (
    <section className="redaction-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('redaction.listTitle')}
      </h2>
      {state.redactions.length === 0 ? (
        <p className="muted">{t('redaction.noRedactions')}</p>
      ) : (
        <ul>
          {state.redactions.map(({ redaction: r }) => {
            const staleSpan = stale.get(r.id);
            let what: string;
            switch (r.kind) {
              case 'span': {
                const field = labelOf(canonicalFieldPath(r.field) ?? r.field);
                const text = textOf(canonicalFieldPath(r.field) ?? r.field);
                what =
                  staleSpan || text === null
                    ? t('redaction.kinds.staleSpan', { field })
                    : t('redaction.kinds.span', { text: text.slice(r.start, r.end), field });
                break;
              }
              case 'field':
                what = t('redaction.kinds.field', { field: labelOf(r.field) });
                break;
              case 'entity':
                what = t('redaction.kinds.entity', { text: r.text });
                break;
              case 'attachment':
                what =
                  r.action === 'exclude'
                    ? t('redaction.kinds.exclude', { name: fileName(r.attachmentId) })
                    : t('redaction.kinds.blackout', {
                        name: fileName(r.attachmentId),
                        count: r.regions.length,
                      });
                break;
            }
            return (
              <li key={r.id} data-kind={r.kind} data-stale={staleSpan ? true : undefined}>
                <span id={`${id}-${r.id}`} className="redaction-what" lang="">
                  {what}
                </span>{' '}
                <span className="tag">{t(`redaction.categories.${r.category}`)}</span>
                {r.reason && <span className="muted"> · {r.reason}</span>}
                {staleSpan && (
                  <span className="redaction-stale-note">
                    {' '}
                    <strong>{t('redaction.staleTag')}</strong>:{' '}
                    {t(`redaction.staleReasons.${staleSpan.reason}`, {
                      defaultValue: staleSpan.reason,
                    })}
                  </span>
                )}
                <button
                  type="button"
                  aria-describedby={`${id}-${r.id}`}
                  onClick={() => {
                    // Its button goes with it: the focus moves to the list's heading.
                    if (!busy) void remove(r.id).then((ok) => ok && headingRef.current?.focus());
                  }}
                >
                  {t('redaction.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
