/**
 * "New profile…": a custom redaction profile, made beside the preview's profile choice. Names in
 * both languages, the kinds of recipient it may be sealed for, and keep or remove for every
 * sensitivity class of answers and every category of marks, starting from the redacted profile.
 * Main gives it its id and refuses a name that is taken (CONFLICT); the shape is checked there.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import type { RecipientClass } from '../../../shared/forms/consent';
import { SENSITIVITIES } from '../../../shared/forms/template';
import type { Sensitivity } from '../../../shared/forms/template';
import { REDACTION_CATEGORIES } from '../../../shared/redaction/model';
import type { RedactionCategory } from '../../../shared/redaction/model';
import { REDACTED_PROFILE } from '../../../shared/redaction/profiles';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';
import { call } from '../ipc/client';
import type { Profile } from './use-redaction';

type KeepOrRemove = 'keep' | 'remove';

/** The button beside the profile choice, and the dialog it opens. */
export function NewProfileButton({ onAdded }: { onAdded: (profile: Profile) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="redaction-new-profile" onClick={() => setOpen(true)}>
        {t('redaction.profileForm.open')}
      </button>
      {open && (
        <ProfileForm
          onClose={() => setOpen(false)}
          onAdded={(profile) => {
            setOpen(false);
            onAdded(profile);
          }}
        />
      )}
    </>
  );
}

export function ProfileForm({
  onClose,
  onAdded,
}: {
  onClose: () => void;
  onAdded: (profile: Profile) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [nameUk, setNameUk] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [classes, setClasses] = useState<readonly RecipientClass[]>(
    REDACTED_PROFILE.recipientClasses,
  );
  const [sensitivity, setSensitivity] = useState<Record<Sensitivity, KeepOrRemove>>({
    ...REDACTED_PROFILE.sensitivity,
  });
  const [categories, setCategories] = useState<Record<RedactionCategory, KeepOrRemove>>({
    ...REDACTED_PROFILE.categories,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  const uk = nameUk.trim();
  const en = nameEn.trim();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    setError(null);
    if (!uk || !en) return setProblem(t('redaction.profileForm.needName'));
    if (classes.length === 0) return setProblem(t('redaction.profileForm.needClass'));
    setProblem(null);
    setBusy(true);
    const result = await call('redaction:addProfile', {
      name: { uk, en },
      // In the order of the catalogue, whatever order they were ticked in.
      recipientClasses: RECIPIENT_CLASSES.filter((c) => classes.includes(c)),
      sensitivity,
      categories,
    });
    setBusy(false);
    if (result.ok) onAdded(result.value);
    else setError(result.error.code);
  }

  return (
    <Modal className="profile-dialog" title={t('redaction.profileForm.title')} onClose={onClose}>
      <form className="profile-form" onSubmit={(e) => void save(e)} aria-busy={busy} noValidate>
        <p>{t('redaction.profileForm.intro')}</p>
        <div className="profile-names">
          <div className="field">
            <label htmlFor={`${id}-uk`}>{t('redaction.profileForm.nameUk')}</label>
            <input
              id={`${id}-uk`}
              lang="uk"
              value={nameUk}
              maxLength={200}
              autoComplete="off"
              aria-invalid={(tried && !uk) || undefined}
              data-autofocus
              onChange={(e) => setNameUk(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-en`}>{t('redaction.profileForm.nameEn')}</label>
            <input
              id={`${id}-en`}
              lang="en"
              value={nameEn}
              maxLength={200}
              autoComplete="off"
              aria-invalid={(tried && !en) || undefined}
              onChange={(e) => setNameEn(e.target.value)}
            />
          </div>
        </div>
        <fieldset className="choice-group">
          <legend>{t('redaction.profileForm.classes')}</legend>
          <ul className="check-list profile-classes">
            {RECIPIENT_CLASSES.map((c) => (
              <li key={c} className="check">
                <input
                  id={`${id}-c-${c}`}
                  type="checkbox"
                  checked={classes.includes(c)}
                  onChange={(e) =>
                    setClasses((list) =>
                      e.target.checked
                        ? [...list.filter((x) => x !== c), c]
                        : list.filter((x) => x !== c),
                    )
                  }
                />
                <label htmlFor={`${id}-c-${c}`}>{t(`recipients.classes.${c}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="help" id={`${id}-help`}>
          {t('redaction.profileForm.help')}
        </p>
        <KeepRemoveGroup
          id={`${id}-s`}
          title={t('redaction.profileForm.sensitivityTitle')}
          describedBy={`${id}-help`}
          keys={SENSITIVITIES}
          labelOf={(s) => t(`redaction.profileForm.sensitivities.${s}`)}
          values={sensitivity}
          onChange={(key, value) => setSensitivity((v) => ({ ...v, [key]: value }))}
        />
        <KeepRemoveGroup
          id={`${id}-k`}
          title={t('redaction.profileForm.categoriesTitle')}
          describedBy={`${id}-help`}
          keys={REDACTION_CATEGORIES}
          labelOf={(c) => t(`redaction.categories.${c}`)}
          values={categories}
          onChange={(key, value) => setCategories((v) => ({ ...v, [key]: value }))}
        />
        {problem && (
          <p className="error-note" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorNote code={error} context="redaction.profileForm" />}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('redaction.profileForm.saving') : t('redaction.profileForm.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** One row per class: its name, then Keep and Remove as a pair of radio buttons. */
function KeepRemoveGroup<K extends string>(props: {
  id: string;
  title: string;
  describedBy: string;
  keys: readonly K[];
  labelOf: (key: K) => string;
  values: Record<K, KeepOrRemove>;
  onChange: (key: K, value: KeepOrRemove) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group keep-remove" aria-describedby={props.describedBy}>
      <legend>{props.title}</legend>
      {props.keys.map((key) => (
        <fieldset key={key} className="keep-remove-row" data-key={key}>
          <legend>{props.labelOf(key)}</legend>
          {(['keep', 'remove'] as const).map((value) => (
            <span key={value} className="check">
              <input
                id={`${props.id}-${key}-${value}`}
                type="radio"
                name={`${props.id}-${key}`}
                value={value}
                checked={props.values[key] === value}
                onChange={() => props.onChange(key, value)}
              />
              <label htmlFor={`${props.id}-${key}-${value}`}>
                {t(`redaction.profileForm.${value}`)}
              </label>
            </span>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}
