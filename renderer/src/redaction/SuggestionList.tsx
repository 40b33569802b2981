/**
 * What main found worth redacting (identifying answers, phone numbers, e-mails, dates of birth,
 * document numbers, coordinates, register names): one click each, never automatic, because the
 * interviewer knows what is safe to leave.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { matchKey } from '../../../shared/redaction/fold';
import type { NewRedaction, RedactionState, Suggestion } from './use-redaction';

export function SuggestionList({
  suggestions,
  state,
  busy,
  add,
}: {
  suggestions: readonly Suggestion[] | null;
  state: RedactionState;
  busy: boolean;
  add: (redaction: NewRedaction) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  // Already redacted everywhere: said so rather than offered twice.
  const done = new Set(
    state.redactions.flatMap(({ redaction: r }) => (r.kind === 'entity' ? [matchKey(r.text)] : [])),
  );
  return (
    <section className="redaction-suggestions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('redaction.suggestionsTitle')}</h3>
      <p className="help">{t('redaction.suggestionsIntro')}</p>
      {suggestions === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">{t('redaction.noSuggestions')}</p>
      ) : (
        <ul className="redaction-suggestion-list">
          {suggestions.map((s, i) => {
            const redacted = done.has(matchKey(s.text));
            return (
              <li key={`${s.text}-${i}`} data-redacted={redacted || undefined}>
                <span className="redaction-suggestion-text" id={`${id}-s${i}`} lang="">
                  {s.text}
                </span>{' '}
                <span className="tag">{t(`redaction.categories.${s.category}`)}</span>{' '}
                <span className="muted">
                  {t(`redaction.sources.${s.source}`, { defaultValue: s.source })}
                </span>
                {redacted ? (
                  <span className="redaction-done">{t('redaction.alreadyRedacted')}</span>
                ) : (
                  <button
                    type="button"
                    aria-describedby={`${id}-s${i}`}
                    onClick={() => {
                      if (!busy) void add({ kind: 'entity', text: s.text, category: s.category });
                    }}
                  >
                    {t('redaction.redactEverywhere')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
