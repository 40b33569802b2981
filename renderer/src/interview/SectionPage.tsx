import { useTranslation } from 'react-i18next';
import { CONSENT_SECTION } from '../../../shared/forms/consent';
import type { Section, Template } from '../../../shared/forms/template';
import { SaveStatus } from '../testimony/SaveStatus';
import { ConsentNotice } from './ConsentNotice';
import { dateLocale } from './date-locale';
import { EXPLANATION_FIELDS, ExplanationCard } from './ExplanationCard';
import { FaultLink } from './FaultLink';
import { FieldView } from './fields/FieldView';
import { IdentifyingWaits } from './IdentifyingWaits';
import './interview.css';
import { useLocalText } from './local-text';
import { ReadOnlyContext } from './read-only';
import type { SectionStore } from './section-store';
import { SectionStoreContext, useProgress, useSaveState } from './use-interview';

export interface SkipNote {
  readonly at: string;
  readonly reason: string | null;
}

/** One section of the template: its questions, saved on their own, with the save state shown. */
export function SectionPage({
  template,
  section,
  store,
  locked,
  skipped,
  onGoToConsent,
  headingRef,
}: {
  template: Template;
  section: Section;
  store: SectionStore;
  /** No consent yet: shown, not editable. */
  locked: boolean;
  skipped: SkipNote | null;
  onGoToConsent: () => void;
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const { t, i18n } = useTranslation();
  const lt = useLocalText();
  const saveState = useSaveState(store);
  const progress = useProgress(store);
  const isConsent = section.id === CONSENT_SECTION;
  const headingId = `section-${section.id}-title`;

  return (
    <SectionStoreContext.Provider value={store}>
      <section className="section-page" aria-labelledby={headingId} data-section={section.id}>
        <div className="page-head">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {t('interview.sectionTitle', { id: section.id, title: lt(section.title) })}
          </h2>
          <SaveStatus state={saveState} neverSaved={t('save.nothingYet')} />
          <FaultLink store={store} />
        </div>
        <p className="progress-line">{t('interview.progress', { ...progress })}</p>
        {skipped && (
          <p className="skip-note">
            {t('interview.skippedNote', {
              time: new Date(skipped.at).toLocaleString(dateLocale(i18n.language), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
            {skipped.reason && <> {t('interview.skippedReason', { reason: skipped.reason })}</>}
          </p>
        )}
        {section.intro && <p className="section-intro">{lt(section.intro)}</p>}
        {locked && <ConsentNotice onGoToConsent={onGoToConsent} />}
        <IdentifyingWaits store={store} />
        {isConsent && <ExplanationCard template={template} store={store} />}
        <ReadOnlyContext.Provider value={locked}>
          <fieldset className="fields" disabled={locked}>
            {section.fields.map((field) => (
              <FieldView
                key={field.id}
                field={field}
                template={template}
                offerToday={isConsent}
                appFilled={isConsent && field.id === EXPLANATION_FIELDS.hash}
              />
            ))}
          </fieldset>
        </ReadOnlyContext.Provider>
      </section>
    </SectionStoreContext.Provider>
  );
}
