import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../shared/preferences';
import { IDLE_LOCK_DEFAULT_SECONDS } from '../../../shared/preferences';
import { call, onVaultLocked } from '../ipc/client';
import { BundleWithoutVault, OpenBundleEntry } from '../vault/BundleWithoutVault';
import { CreateVault } from '../vault/CreateVault';
import { DestroyedVault } from '../vault/DestroyedVault';
import { RecoveryKeyNotice } from '../vault/RecoveryKeyNotice';
import { UnlockVault } from '../vault/UnlockVault';
import { Workspace } from '../testimony/Workspace';
import { ErrorNote } from './ErrorNote';
import { Header } from './Header';
import { SaveRegistry, SaveRegistryContext } from './save-registry';
import { matchShortcut } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useIdleLock } from './use-idle-lock';

type Phase = 'loading' | 'absent' | 'locked' | 'unlocked' | 'destroyed' | 'recovery';

const LOCK_FLUSH_TIMEOUT_MS = 3000;

export function App() {
  const { t, i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  // Held only while the recovery-key notice is on screen.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  // "Open a bundle…" from the create or unlock screen: a recipient needs no vault for it.
  const [bundleOnly, setBundleOnly] = useState(false);
  const vaultless = phase === 'absent' || phase === 'locked';
  const registry = useMemo(() => new SaveRegistry(), []);

  useEffect(() => {
    void call('vault:status', {}).then((result) => {
      if (result.ok) setPhase(result.value.state);
      else setError(result.error.code);
    });
    void call('preferences:get', {}).then((result) => {
      if (!result.ok) return;
      setPrefs(result.value);
      if (result.value.language) void i18n.changeLanguage(result.value.language);
    });
    // Main can lock by itself (OS suspend, screen lock): then drop everything shown at once.
    return onVaultLocked(() => setPhase((p) => (p === 'unlocked' ? 'locked' : p)));
  }, [i18n]);

  const lock = useCallback(async () => {
    await registry.flushAll(LOCK_FLUSH_TIMEOUT_MS);
    await call('vault:lock', {});
    // Unmounting the workspace drops every piece of testimony the renderer held.
    setPhase('locked');
  }, [registry]);

  const updatePrefs = useCallback(async (patch: Partial<Preferences>) => {
    const result = await call('preferences:update', patch);
    if (result.ok) setPrefs(result.value);
  }, []);

  useIdleLock(
    phase === 'unlocked',
    prefs?.idleLockSeconds ?? IDLE_LOCK_DEFAULT_SECONDS,
    () => void lock(),
  );
  // A received bundle opened without the vault holds testimony too: it closes on the same timer.
  useIdleLock(bundleOnly, prefs?.idleLockSeconds ?? IDLE_LOCK_DEFAULT_SECONDS, () =>
    setBundleOnly(false),
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = matchShortcut(event);
      if (action === 'lock' && phase === 'unlocked') {
        event.preventDefault();
        setShowShortcuts(false);
        void lock();
      } else if (action === 'help') {
        event.preventDefault();
        setShowShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, lock]);

  return (
    <div className="app">
      <Header
        onLock={phase === 'unlocked' ? lock : undefined}
        onLanguage={(language) => void updatePrefs({ language })}
        onShortcuts={() => setShowShortcuts(true)}
      />
      {showShortcuts && <ShortcutsHelp onClose={() => setShowShortcuts(false)} />}
      <main className="app-main">
        {error && <ErrorNote code={error} />}
        {phase === 'loading' && !error && <p className="muted">{t('app.loading')}</p>}
        {vaultless && bundleOnly && <BundleWithoutVault onBack={() => setBundleOnly(false)} />}
        {phase === 'absent' && !bundleOnly && (
          <CreateVault
            replaceDestroyed={replacing}
            onCreated={(key) => {
              setRecoveryKey(key);
              setPhase('recovery');
            }}
          />
        )}
        {phase === 'recovery' && recoveryKey && (
          <RecoveryKeyNotice
            recoveryKey={recoveryKey}
            onDone={() => {
              setRecoveryKey(null);
              setPhase('unlocked');
            }}
          />
        )}
        {phase === 'destroyed' && (
          <DestroyedVault
            onCreateNew={() => {
              setReplacing(true);
              setPhase('absent');
            }}
          />
        )}
        {phase === 'locked' && !bundleOnly && (
          <UnlockVault onUnlocked={() => setPhase('unlocked')} />
        )}
        {vaultless && !bundleOnly && <OpenBundleEntry onOpen={() => setBundleOnly(true)} />}
        {phase === 'unlocked' && (
          <SaveRegistryContext.Provider value={registry}>
            <Workspace
              idleLockSeconds={prefs?.idleLockSeconds ?? IDLE_LOCK_DEFAULT_SECONDS}
              onIdleLockSeconds={(idleLockSeconds) => void updatePrefs({ idleLockSeconds })}
              onDestroyed={() => setPhase('destroyed')}
            />
          </SaveRegistryContext.Provider>
        )}
      </main>
    </div>
  );
}
