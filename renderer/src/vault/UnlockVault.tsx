import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';

export function UnlockVault({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    const result = await call('vault:unlock', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked();
    } else setError(result.error.code);
  }

  return (
    <form className="card narrow" onSubmit={submit} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('vault.unlockTitle')}</h1>
      <p className="muted">{t('vault.unlockIntro')}</p>
      <PassphraseField
        name="passphrase"
        label={t('vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoFocus
      />
      {error && <ErrorNote code={error} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('vault.unlocking') : t('vault.unlock')}
      </button>
    </form>
  );
}
