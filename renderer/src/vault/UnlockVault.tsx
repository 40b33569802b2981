import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';
import { VaultCard } from './VaultCard';

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
    <VaultCard
      id="unlock-title"
      title={t('vault.unlockTitle')}
      intro={t('vault.unlockIntro')}
      onSubmit={submit}
      errorCode={error}
      busy={busy}
      submitLabel={t('vault.unlock')}
      busyLabel={t('vault.unlocking')}
    >
      <PassphraseField
        name="passphrase"
        label={t('vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoFocus
      />
    </VaultCard>
  );
}
