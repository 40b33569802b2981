import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';
import { useUiLanguage } from '../interview/local-text';
import { call } from '../ipc/client';
import { useRecipients } from '../recipients/use-recipients';
import { consentGaps } from './consent-gaps';
import { ConsentWarning } from './ConsentWarning';
import type { SealedBundle } from './ExportResult';
import { ExportResult } from './ExportResult';
import { SealChoices } from './SealChoices';
import { SealingProgress } from './SealingProgress';
import { useTestimonyFacts } from './use-testimony-facts';

type Summary = OutputOf<'testimony:list'>['items'][number];
type Profiles = OutputOf<'redaction:profiles'>['profiles'];
type Phase =
  | { readonly kind: 'form' }
  | { readonly kind: 'sealing' }
  | { readonly kind: 'done'; readonly bundle: SealedBundle };

/**
 * "Seal a bundle": choose testimonies, recipients and the report's language, see what will be
 * sealed and whom consent does not cover, then seal. Main asks where to save (an OS dialog); a
 * cancelled save dialog returns here quietly. While sealing, the progress shows with a button
 * that stops it; a stopped export leaves no file, and the form says so.
 */
export function ExportDialog({
  testimonies,
  initial,
  onClose,
  onOpenRecipients,
}: {
  testimonies: readonly Summary[];
  initial: readonly string[];
  onClose: () => void;
  onOpenRecipients: () => void;
}) {
  const { t } = useTranslation();
  const uiLanguage = useUiLanguage();
  const { items: recipients, error: listError } = useRecipients();
  const [chosenT, setChosenT] = useState<readonly string[]>(initial);
  const [chosenR, setChosenR] = useState<readonly string[]>([]);
  const [lang, setLang] = useState<'uk' | 'en'>(uiLanguage);
  // The sealed original unless the interviewer chooses a redacted copy (issue 6).
  const [profile, setProfile] = useState('full');
  const [profiles, setProfiles] = useState<Profiles | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const sealButtonRef = useRef<HTMLButtonElement>(null);
  const wasSealing = useRef(false);

  // In list order, whatever order they were ticked in.
  const testimonyIds = useMemo(
    () => testimonies.filter((s) => chosenT.includes(s.id)).map((s) => s.id),
    [testimonies, chosenT],
  );
  const chosenRecipients = useMemo(
    () => (recipients ?? []).filter((r) => chosenR.includes(r.id)),
    [recipients, chosenR],
  );
  const facts = useTestimonyFacts(testimonyIds);

  useEffect(() => {
    let live = true;
    void call('redaction:profiles', {}).then((result) => {
      if (live) setProfiles(result.ok ? result.value.profiles : []);
    });
    return () => {
      live = false;
    };
  }, []);
  const gaps = consentGaps(testimonyIds, chosenRecipients, facts);
  const codeOf = (id: string) => testimonies.find((s) => s.id === id)?.recordCode ?? id;

  // The focused Seal button is disabled while sealing (SealingProgress takes the focus to its
  // Cancel button); it comes back to Seal when the form returns (an error, a cancel).
  useEffect(() => {
    if (phase.kind === 'form' && wasSealing.current) sealButtonRef.current?.focus();
    wasSealing.current = phase.kind === 'sealing';
  }, [phase.kind]);

  async function seal() {
    setError(null);
    setProblem(null);
    setCancelled(false);
    if (testimonyIds.length === 0) return setProblem(t('bundles.needTestimony'));
    if (chosenRecipients.length === 0) return setProblem(t('bundles.needRecipient'));
    setPhase({ kind: 'sealing' });
    const result = await call('bundle:export', {
      testimonyIds: [...testimonyIds],
      recipientIds: chosenRecipients.map((r) => r.id),
      lang,
      profile,
    });
    if (!result.ok && result.error.code === 'EXPORT_CANCELLED') {
      setCancelled(true);
      setPhase({ kind: 'form' });
    } else if (!result.ok) {
      setError(result.error.code);
      setPhase({ kind: 'form' });
    } else if (!result.value.exported) {
      setPhase({ kind: 'form' });
    } else {
      const { path, bundleId, sha256 } = result.value;
      setPhase({ kind: 'done', bundle: { path, bundleId, sha256 } });
    }
  }

  const sealing = phase.kind === 'sealing';
  return (
    <Modal
      className="export-dialog"
      title={phase.kind === 'done' ? t('bundles.resultTitle') : t('bundles.title')}
      onClose={onClose}
      closeOnEscape={!sealing}
    >
      {phase.kind === 'done' ? (
        <ExportResult bundle={phase.bundle} onClose={onClose} />
      ) : (
        <form
          className="export-form"
          aria-busy={sealing}
          onSubmit={(e) => {
            e.preventDefault();
            void seal();
          }}
          noValidate
        >
          <p>{t('bundles.intro')}</p>
          <fieldset className="export-choices" disabled={sealing}>
            <SealChoices
              testimonies={testimonies}
              chosenT={chosenT}
              onChosenT={setChosenT}
              recipients={recipients}
              chosenR={chosenR}
              onChosenR={setChosenR}
              lang={lang}
              onLang={setLang}
              profiles={profiles}
              profile={profile}
              onProfile={setProfile}
              onOpenRecipients={onOpenRecipients}
            />
          </fieldset>
          {listError && <ErrorNote code={listError} />}
          <section className="export-summary" aria-labelledby="export-summary-title">
            <h3 id="export-summary-title">{t('bundles.summaryTitle')}</h3>
            {testimonyIds.length === 0 ? (
              <p className="muted">{t('bundles.needTestimony')}</p>
            ) : (
              <ul>
                {testimonyIds.map((id) => {
                  const f = facts.get(id);
                  return (
                    <li key={id} data-testimony={id}>
                      {f
                        ? t('bundles.summaryLine', {
                            code: codeOf(id),
                            count: f.attachments ?? '?',
                          })
                        : t('bundles.summaryReading', { code: codeOf(id) })}
                    </li>
                  );
                })}
              </ul>
            )}
            {chosenRecipients.length > 0 && (
              <p>
                {t('bundles.summaryTo', {
                  names: chosenRecipients.map((r) => `${r.name} (${r.organisation})`).join(', '),
                })}
              </p>
            )}
          </section>
          <ConsentWarning gaps={gaps} codeOf={codeOf} recipients={chosenRecipients} />
          {problem && (
            <p className="error-note" role="alert">
              {problem}
            </p>
          )}
          {error && <ErrorNote code={error} context="bundles" />}
          {cancelled && (
            <p className="export-cancelled" role="status">
              {t('bundles.cancelled')}
            </p>
          )}
          {sealing ? <SealingProgress /> : <p className="help">{t('bundles.whereNote')}</p>}
          <div className="modal-actions">
            <button type="button" onClick={onClose} disabled={sealing}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={sealing} ref={sealButtonRef}>
              {t('bundles.sealButton')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
