import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { useUiLanguage } from '../interview/local-text';
import { ConsentBadge } from '../testimony/ConsentBadge';
import type { Recipient } from '../recipients/use-recipients';

type Summary = OutputOf<'testimony:list'>['items'][number];
type Profile = OutputOf<'redaction:profiles'>['profiles'][number];

/**
 * The choices of the seal dialog: testimonies, recipients, the PDF report's language, and the
 * redaction profile (the full original by default).
 */
export function SealChoices(props: {
  testimonies: readonly Summary[];
  chosenT: readonly string[];
  onChosenT: (ids: readonly string[]) => void;
  recipients: readonly Recipient[] | null;
  chosenR: readonly string[];
  onChosenR: (ids: readonly string[]) => void;
  lang: 'uk' | 'en';
  onLang: (lang: 'uk' | 'en') => void;
  /** null while they are read; the full profile is offered alone if they cannot be. */
  profiles: readonly Profile[] | null;
  profile: string;
  onProfile: (id: string) => void;
  onOpenRecipients: () => void;
}) {
  const { t } = useTranslation();
  const ui = useUiLanguage();
  const idBase = useId();
  const toggle = (list: readonly string[], id: string, on: boolean) =>
    on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
  // Said before Seal is pressed: main refuses (PROFILE_NOT_ALLOWED) a class the profile is not for.
  const chosenProfile = props.profiles?.find((p) => p.id === props.profile);
  const mismatched = [
    ...new Set(
      (props.recipients ?? [])
        .filter((r) => props.chosenR.includes(r.id))
        .map((r) => r.recipientClass)
        .filter((c) => chosenProfile && !chosenProfile.recipientClasses.includes(c)),
    ),
  ];

  return (
    <>
      <fieldset className="choice-group">
        <legend>{t('bundles.testimonies')}</legend>
        <ul className="check-list">
          {props.testimonies.map((s) => (
            <li key={s.id} className="check">
              <input
                id={`${idBase}-t-${s.id}`}
                type="checkbox"
                checked={props.chosenT.includes(s.id)}
                data-autofocus={props.chosenT[0] === s.id ? true : undefined}
                onChange={(e) => props.onChosenT(toggle(props.chosenT, s.id, e.target.checked))}
              />
              <label htmlFor={`${idBase}-t-${s.id}`}>
                <span className="record-code-small">{s.recordCode}</span>{' '}
                <ConsentBadge summary={s} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('bundles.recipients')}</legend>
        {props.recipients && props.recipients.length === 0 && (
          <div className="no-recipients">
            <p className="muted">{t('bundles.noRecipients')}</p>
            <button type="button" onClick={props.onOpenRecipients}>
              {t('bundles.openRecipients')}
            </button>
          </div>
        )}
        <ul className="check-list">
          {(props.recipients ?? []).map((r) => (
            <li key={r.id} className="check recipient-choice">
              <input
                id={`${idBase}-r-${r.id}`}
                type="checkbox"
                checked={props.chosenR.includes(r.id)}
                aria-describedby={`${idBase}-rd-${r.id}`}
                onChange={(e) => props.onChosenR(toggle(props.chosenR, r.id, e.target.checked))}
              />
              <div>
                <label htmlFor={`${idBase}-r-${r.id}`}>
                  {r.name} · {r.organisation}
                </label>
                <div id={`${idBase}-rd-${r.id}`} className="recipient-choice-meta">
                  <span className="tag">{t(`recipients.classes.${r.recipientClass}`)}</span>{' '}
                  <code className="fingerprint-inline" translate="no">
                    {r.fingerprint}
                  </code>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('bundles.language')}</legend>
        <div className="radio-row">
          {(['uk', 'en'] as const).map((l) => (
            <span key={l} className="check">
              <input
                id={`${idBase}-l-${l}`}
                type="radio"
                name={`${idBase}-lang`}
                value={l}
                checked={props.lang === l}
                onChange={() => props.onLang(l)}
              />
              <label htmlFor={`${idBase}-l-${l}`}>{t(`bundles.languages.${l}`)}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice-group" aria-describedby={`${idBase}-ph`}>
        <legend>{t('bundles.profile')}</legend>
        <p className="help" id={`${idBase}-ph`}>
          {t('bundles.profileHelp')}
        </p>
        <ul className="check-list">
          {(props.profiles ?? []).map((p) => (
            <li key={p.id} className="check recipient-choice">
              <input
                id={`${idBase}-p-${p.id}`}
                type="radio"
                name={`${idBase}-profile`}
                value={p.id}
                checked={props.profile === p.id}
                aria-describedby={`${idBase}-pd-${p.id}`}
                onChange={() => props.onProfile(p.id)}
              />
              <div>
                <label htmlFor={`${idBase}-p-${p.id}`}>{p.name[ui]}</label>
                <div id={`${idBase}-pd-${p.id}`} className="recipient-choice-meta">
                  {t('bundles.profileAllows', {
                    classes: p.recipientClasses.map((c) => t(`recipients.classes.${c}`)).join(', '),
                  })}
                </div>
              </div>
            </li>
          ))}
        </ul>
        {mismatched.length > 0 && (
          <p className="help profile-mismatch">
            {t('bundles.profileMismatch', {
              classes: mismatched.map((c) => t(`recipients.classes.${c}`)).join(', '),
            })}
          </p>
        )}
      </fieldset>
    </>
  );
}
