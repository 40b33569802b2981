import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';

const MIN_CHARS = 12;

export function CreateVault({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if ([...passphrase].length < MIN_CHARS) return setProblem(t('vault.tooShort'));
    if (passphrase !== confirm) return setProblem(t('vault.mismatch'));
    setProblem(null);
    setBusy(true);
    const result = await call('vault:create', { passphrase });
    setBusy(false);
    if (result.ok) onCreated();
    else setError(result.error.code);
  }

  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="create-title">
      <h1 id="create-title">{t('vault.createTitle')}</h1>
      <p className="muted">{t('vault.createIntro')}</p>
      <PassphraseField
        name="passphrase"
        label={t('vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoFocus
      />
      <PassphraseField
        name="confirm"
        label={t('vault.passphraseConfirm')}
        value={confirm}
        onChange={setConfirm}
      />
      {problem && (
        <p className="error-note" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNote code={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('vault.creating') : t('vault.create')}
      </button>
    </form>
  );
}
