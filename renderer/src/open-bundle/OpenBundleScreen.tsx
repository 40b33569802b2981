import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedBundleView } from '../../../shared/opened-bundle';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import { CheckList } from './CheckList';
import { FileList } from './FileList';
import { OpenedTestimony } from './OpenedTestimony';
import { VerdictBanner } from './VerdictBanner';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'opening' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'opened'; readonly bundle: OpenedBundleView };

/**
 * "Open a bundle": a recipient checks a sealed bundle and reads it, read-only. Main asks for the
 * bundle and the age key file (OS dialogs) and decrypts in memory; only the device key to pin is
 * typed here. Nothing shown can be edited. What failed verification is shown, marked unverified.
 */
export function OpenBundleScreen() {
  const { t } = useTranslation();
  const ids = { pubkey: useId(), pubkeyHelp: useId(), note: useId() };
  const [pubkey, setPubkey] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);

  async function open(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setPhase({ kind: 'opening' });
    const key = pubkey.trim();
    const result = await call('bundle:open', key ? { pubkey: key } : {});
    if (!result.ok) {
      setError(result.error.code);
      setPhase({ kind: 'idle' });
    } else if (!result.value.opened) setPhase({ kind: 'cancelled' });
    else setPhase({ kind: 'opened', bundle: result.value });
  }

  const opening = phase.kind === 'opening';
  return (
    <article className="open-bundle" aria-labelledby="open-bundle-title">
      <div className="page-head">
        <h1 id="open-bundle-title">{t('openBundle.title')}</h1>
      </div>
      <p className="section-intro">{t('openBundle.intro')}</p>
      <form className="open-bundle-form" onSubmit={(e) => void open(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.pubkey}>{t('openBundle.pubkey')}</label>
          <textarea
            id={ids.pubkey}
            className="key-input"
            value={pubkey}
            rows={3}
            maxLength={4096}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="untrusted comment: minisign public key …"
            aria-describedby={ids.pubkeyHelp}
            onChange={(e) => setPubkey(e.target.value)}
          />
          <p id={ids.pubkeyHelp} className="help">
            {t('openBundle.pubkeyHelp')}
          </p>
        </div>
        <p id={ids.note} className="help">
          {t('openBundle.chooseNote')}
        </p>
        <div className="open-bundle-actions">
          <button type="submit" className="primary" disabled={opening} aria-describedby={ids.note}>
            {t('openBundle.choose')}
          </button>
          {opening && (
            <span role="status" className="muted">
              {t('openBundle.opening')}
            </span>
          )}
          {phase.kind === 'cancelled' && (
            <span role="status" className="muted">
              {t('openBundle.cancelled')}
            </span>
          )}
        </div>
        {error && <ErrorNote code={error} />}
      </form>
      {phase.kind === 'opened' && <OpenedView bundle={phase.bundle} />}
    </article>
  );
}

function OpenedView({ bundle }: { bundle: OpenedBundleView }) {
  const { t } = useTranslation();
  const { report, contents } = bundle;
  // The one failure a recipient can fix themselves: the key file of another recipient.
  const wrongKey = report.checks.some(
    (c) => c.name === 'decrypt' && !c.ok && c.detail.includes('WRONG_IDENTITY'),
  );
  return (
    <div className="opened-bundle">
      <VerdictBanner report={report} />
      <CheckList checks={report.checks} omitted={report.checksOmitted} />
      {wrongKey && <p className="help">{t('openBundle.decryptHint')}</p>}
      {contents.bundleId !== null && (
        <section className="opened-testimonies" aria-labelledby="opened-testimonies-title">
          <h2 id="opened-testimonies-title">
            {t('openBundle.testimoniesTitle')}
            {!contents.verified && (
              <span className="unverified-tag">{t('openBundle.unverified')}</span>
            )}
          </h2>
          {contents.testimonies.length === 0 && (
            <p className="muted">{t('openBundle.noTestimonies')}</p>
          )}
          {contents.testimonies.map((testimony, i) => (
            <OpenedTestimony
              key={`${i}-${testimony.recordCode}`}
              testimony={testimony}
              verified={contents.verified}
            />
          ))}
        </section>
      )}
      {contents.files.length > 0 && (
        <FileList
          files={contents.files}
          omitted={contents.filesOmitted}
          verified={contents.verified}
        />
      )}
    </div>
  );
}
