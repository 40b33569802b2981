import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES_FIELD } from '../../../shared/forms/consent';
import { LANGUAGES } from '../../../shared/i18n';
import type { Language } from '../../../shared/i18n';
import type { Template } from '../../../shared/forms/template';
import { findVocabulary } from '../../../shared/forms/template';
import { answered, textOf } from './answer-values';
import { useUiLanguage } from './local-text';
import type { SectionStore } from './section-store';
import { useAnswer } from './use-interview';

/** Section B's fields the explanation card fills in (the template names them). */
export const EXPLANATION_FIELDS = {
  given: 'explanation_given',
  hash: 'explanation_hash',
  language: 'explanation_language',
} as const;

/** The `languages` vocabulary codes of the UI languages. */
const LANGUAGE_CODES: Record<Language, string> = { uk: 'ukrainian', en: 'english' };
const LANGUAGE_NAMES: Record<Language, string> = { uk: 'Українська', en: 'English' };

/**
 * The explanation read to the survivor before consent, in the language it is read in. Marking it
 * read records that it was given, in which language, and the SHA-256 of the exact text shown
 * (UTF-8), so the record says which explanation the consent rests on.
 */
export function ExplanationCard({ template, store }: { template: Template; store: SectionStore }) {
  const { t } = useTranslation();
  const uiLang = useUiLanguage();
  const [lang, setLang] = useState<Language>(uiLang);
  const text = template.consentExplanation[lang];
  const hash = useSha256(text);
  const recorded = textOf(useAnswer(store, EXPLANATION_FIELDS.hash));
  const section = store.section;
  const hasField = (id: string) => section.fields.some((f) => f.id === id);

  const markRead = () => {
    if (!hash) return;
    if (hasField(EXPLANATION_FIELDS.given))
      store.setAnswer(EXPLANATION_FIELDS.given, answered('yes'));
    if (hasField(EXPLANATION_FIELDS.hash)) store.setAnswer(EXPLANATION_FIELDS.hash, answered(hash));
    const languageField = section.fields.find((f) => f.id === EXPLANATION_FIELDS.language);
    const code = LANGUAGE_CODES[lang];
    if (
      languageField?.kind === 'choice' &&
      findVocabulary(template, languageField.vocabulary)?.terms.some((term) => term.code === code)
    ) {
      store.setAnswer(EXPLANATION_FIELDS.language, answered(code));
    }
    // Next comes consent itself: take the interviewer to its rows.
    const group = document.querySelector<HTMLElement>(
      `[data-section="${section.id}"] [data-field="${CONSENT_SCOPES_FIELD}"]`,
    );
    group?.scrollIntoView({ block: 'start' });
    group?.querySelector<HTMLElement>('.group-actions button')?.focus();
  };

  return (
    <aside className="explanation" aria-labelledby="consent-explanation-title">
      <div className="explanation-head">
        <h3 id="consent-explanation-title">{t('interview.explanationTitle')}</h3>
        <div className="language-pick" role="group" aria-label={t('interview.explanationLanguage')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              className="chip"
              lang={l}
              aria-pressed={lang === l}
              onClick={() => setLang(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
      </div>
      <p lang={lang}>{text}</p>
      <div className="explanation-foot">
        <button type="button" onClick={markRead} disabled={!hash}>
          {t('interview.explanationRead')}
        </button>
        {recorded && (
          <span className={recorded === hash ? 'ok-note' : 'help'}>
            {recorded === hash
              ? t('interview.explanationRecorded', { hash: recorded.slice(0, 12) })
              : t('interview.explanationOther', { hash: recorded.slice(0, 12) })}
          </span>
        )}
      </div>
    </aside>
  );
}

function useSha256(text: string): string | null {
  const [digest, setDigest] = useState<{ text: string; hex: string } | null>(null);
  useEffect(() => {
    let live = true;
    void crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((buffer) => {
      if (!live) return;
      const hex = [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
      setDigest({ text, hex });
    });
    return () => {
      live = false;
    };
  }, [text]);
  return digest?.text === text ? digest.hex : null;
}
