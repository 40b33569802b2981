import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_CLASSES } from '../../../shared/forms/consent';
import type { RecipientClass } from '../../../shared/forms/consent';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import type { Recipient } from './use-recipients';

/**
 * Files a recipient's age public key with a name, an organisation and a kind. Main checks the
 * key (RECIPIENT_KEY_INVALID) and refuses a key already filed (DUPLICATE_RECIPIENT).
 */
export function AddRecipientForm({
  onAdded,
  onCancel,
}: {
  onAdded: (recipient: Recipient) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ids = {
    name: useId(),
    organisation: useId(),
    cls: useId(),
    key: useId(),
    nameHelp: useId(),
    classHelp: useId(),
    keyHelp: useId(),
  };
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [recipientClass, setRecipientClass] = useState<RecipientClass>('national_prosecutor');
  const [publicKey, setPublicKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProblem(null);
    if (!name.trim()) return setProblem(t('recipients.needName'));
    if (!organisation.trim()) return setProblem(t('recipients.needOrganisation'));
    if (!publicKey.trim()) return setProblem(t('recipients.needKey'));
    setBusy(true);
    const result = await call('recipient:add', {
      name: name.trim(),
      organisation: organisation.trim(),
      recipientClass,
      publicKey: publicKey.trim(),
    });
    setBusy(false);
    if (result.ok) onAdded(result.value);
    else setError(result.error.code);
  }

  return (
    <form className="register-form recipient-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={ids.name}>{t('recipients.name')}</label>
        <input
          id={ids.name}
          value={name}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={ids.nameHelp}
          data-autofocus
          onChange={(e) => setName(e.target.value)}
        />
        <p id={ids.nameHelp} className="help">
          {t('recipients.nameHelp')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.organisation}>{t('recipients.organisation')}</label>
        <input
          id={ids.organisation}
          value={organisation}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.cls}>{t('recipients.class')}</label>
        <select
          id={ids.cls}
          value={recipientClass}
          aria-describedby={ids.classHelp}
          onChange={(e) => setRecipientClass(e.target.value as RecipientClass)}
        >
          {RECIPIENT_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`recipients.classes.${c}`)}
            </option>
          ))}
        </select>
        <p id={ids.classHelp} className="help">
          {t('recipients.classHelp')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.key}>{t('recipients.key')}</label>
        <textarea
          id={ids.key}
          className="key-input"
          value={publicKey}
          rows={2}
          maxLength={200}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="age1…"
          aria-describedby={ids.keyHelp}
          onChange={(e) => setPublicKey(e.target.value)}
        />
        <p id={ids.keyHelp} className="help">
          {t('recipients.keyHelp')}
        </p>
      </div>
      {problem && (
        <p className="error-note" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNote code={error} />}
      <div className="modal-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('recipients.saving') : t('recipients.save')}
        </button>
      </div>
    </form>
  );
}
