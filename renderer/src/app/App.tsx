import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../ipc/client';
import { CreateVault } from '../vault/CreateVault';
import { UnlockVault } from '../vault/UnlockVault';
import { Workspace } from '../testimony/Workspace';
import { ErrorNote } from './ErrorNote';
import { Header } from './Header';
import { SaveRegistry, SaveRegistryContext } from './save-registry';

type Phase = 'loading' | 'absent' | 'locked' | 'unlocked';

const LOCK_FLUSH_TIMEOUT_MS = 3000;

export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<string | null>(null);
  const registry = useMemo(() => new SaveRegistry(), []);

  useEffect(() => {
    void call('vault:status', {}).then((result) => {
      if (result.ok) setPhase(result.value.state);
      else setError(result.error.code);
    });
  }, []);

  const lock = useCallback(async () => {
    await registry.flushAll(LOCK_FLUSH_TIMEOUT_MS);
    await call('vault:lock', {});
    // Unmounting the workspace drops every piece of testimony the renderer held.
    setPhase('locked');
  }, [registry]);

  useEffect(() => {
    if (phase !== 'unlocked') return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, lock]);

  return (
    <div className="app">
      <Header onLock={phase === 'unlocked' ? lock : undefined} />
      <main className="app-main">
        {error && <ErrorNote code={error} />}
        {phase === 'loading' && !error && <p className="muted">{t('app.loading')}</p>}
        {phase === 'absent' && <CreateVault onCreated={() => setPhase('unlocked')} />}
        {phase === 'locked' && <UnlockVault onUnlocked={() => setPhase('unlocked')} />}
        {phase === 'unlocked' && (
          <SaveRegistryContext.Provider value={registry}>
            <Workspace />
          </SaveRegistryContext.Provider>
        )}
      </main>
    </div>
  );
}
