import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';
import { VaultCard } from './VaultCard';

/** Unlock with the passphrase, or with the printed recovery key when the passphrase is lost. */
export function UnlockVault({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const keyId = useId();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret) return;
    setBusy(true);
    setError(null);
    const result =
      mode === 'passphrase'
        ? await call('vault:unlock', { passphrase: secret })
        : await call('vault:unlockWithRecoveryKey', { recoveryKey: secret });
    setBusy(false);
    if (result.ok) {
      setSecret('');
      onUnlocked();
    } else setError(result.error.code);
  }

  function switchMode() {
    setMode((m) => (m === 'passphrase' ? 'recovery' : 'passphrase'));
    setSecret('');
    setError(null);
  }

  return (
    <VaultCard
      id="unlock-title"
      title={t('vault.unlockTitle')}
      intro={t('vault.unlockIntro')}
      onSubmit={submit}
      errorCode={error}
      busy={busy}
      submitLabel={t('vault.unlock')}
      busyLabel={t('vault.unlocking')}
      footer={
        <button type="button" className="link-button" onClick={switchMode}>
          {mode === 'passphrase' ? t('recovery.useKey') : t('recovery.usePassphrase')}
        </button>
      }
    >
      {mode === 'passphrase' ? (
        <PassphraseField
          name="passphrase"
          label={t('vault.passphrase')}
          value={secret}
          onChange={setSecret}
          autoFocus
        />
      ) : (
        <div className="field">
          <label htmlFor={keyId}>{t('recovery.field')}</label>
          <input
            id={keyId}
            className="recovery-input"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </div>
      )}
    </VaultCard>
  );
}
