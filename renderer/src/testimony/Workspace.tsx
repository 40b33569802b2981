import { useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { SaveRegistryContext } from '../app/save-registry';
import { ExportDialog } from '../bundles/ExportDialog';
import { InterviewView } from '../interview/InterviewView';
import { OpenBundleScreen } from '../open-bundle/OpenBundleScreen';
import { call } from '../ipc/client';
import { RecipientsScreen } from '../recipients/RecipientsScreen';
import { RedactionScreen } from '../redaction/RedactionScreen';
import { RegistersProvider } from '../registers/registers-context';
import { RegistersScreen } from '../registers/RegistersScreen';
import { VaultSettings } from '../vault/VaultSettings';
import { IdleLockSetting } from './IdleLockSetting';
import { NewTestimonyForm } from './NewTestimonyForm';
import { SearchBox } from './SearchBox';
import { TestimonyList } from './TestimonyList';

type Summary = OutputOf<'testimony:list'>['items'][number];
type View =
  | { readonly kind: 'testimony'; readonly id: string }
  | { readonly kind: 'redaction'; readonly id: string }
  | { readonly kind: 'registers' }
  | { readonly kind: 'recipients' }
  | { readonly kind: 'openBundle' };

export function Workspace(props: {
  idleLockSeconds: number;
  onIdleLockSeconds: (seconds: number) => void;
  onDestroyed: () => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Summary[]>([]);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to reload the list, e.g. after a testimony was created or its consent changed.
  const [listVersion, setListVersion] = useState(0);
  // The testimonies the seal dialog opens with; null while it is closed.
  const [sealing, setSealing] = useState<readonly string[] | null>(null);

  useEffect(() => {
    let live = true;
    void call('testimony:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setItems(result.value.items);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [listVersion]);

  const open = useCallback((id: string) => setView({ kind: 'testimony', id }), []);
  const reloadList = useCallback(() => setListVersion((v) => v + 1), []);
  const selected = view?.kind === 'testimony' || view?.kind === 'redaction' ? view.id : null;
  const registry = useContext(SaveRegistryContext);
  // What was just typed is written first: the redaction screen reads the texts from the vault.
  const redact = useCallback(
    async (id: string) => {
      await registry?.flushAll(5000);
      setView({ kind: 'redaction', id });
    },
    [registry],
  );

  return (
    <RegistersProvider>
      <div className="workspace">
        <aside className="sidebar" aria-label={t('testimony.listTitle')}>
          <NewTestimonyForm
            onCreated={(created) => {
              open(created.id);
              reloadList();
            }}
          />
          <SearchBox onSelect={open} items={items} />
          <TestimonyList items={items} selected={selected} onSelect={open} />
          <button
            type="button"
            className="registers-button"
            aria-current={view?.kind === 'registers' ? 'page' : undefined}
            onClick={() => setView({ kind: 'registers' })}
          >
            {t('registers.open')}
          </button>
          <button
            type="button"
            className="registers-button"
            aria-current={view?.kind === 'recipients' ? 'page' : undefined}
            onClick={() => setView({ kind: 'recipients' })}
          >
            {t('recipients.open')}
          </button>
          <button
            type="button"
            className="registers-button"
            disabled={items.length === 0}
            onClick={() => setSealing(selected ? [selected] : [])}
          >
            {t('bundles.sealSeveral')}
          </button>
          <button
            type="button"
            className="registers-button"
            aria-current={view?.kind === 'openBundle' ? 'page' : undefined}
            onClick={() => setView({ kind: 'openBundle' })}
          >
            {t('openBundle.open')}
          </button>
          {error && <ErrorNote code={error} />}
          <IdleLockSetting value={props.idleLockSeconds} onChange={props.onIdleLockSeconds} />
          <VaultSettings onDestroyed={props.onDestroyed} />
        </aside>
        <section className="editor-pane">
          {view?.kind === 'testimony' ? (
            <InterviewView
              key={view.id}
              testimonyId={view.id}
              onConsentChanged={reloadList}
              onSeal={() => setSealing([view.id])}
              onRedact={() => void redact(view.id)}
            />
          ) : view?.kind === 'redaction' ? (
            <RedactionScreen key={view.id} testimonyId={view.id} onBack={() => open(view.id)} />
          ) : view?.kind === 'registers' ? (
            <RegistersScreen onOpenTestimony={open} />
          ) : view?.kind === 'recipients' ? (
            <RecipientsScreen />
          ) : view?.kind === 'openBundle' ? (
            <OpenBundleScreen />
          ) : (
            <p className="muted placeholder">{t('testimony.selectPrompt')}</p>
          )}
        </section>
      </div>
      {sealing && (
        <ExportDialog
          testimonies={items}
          initial={sealing}
          onClose={() => setSealing(null)}
          onOpenRecipients={() => {
            setSealing(null);
            setView({ kind: 'recipients' });
          }}
        />
      )}
    </RegistersProvider>
  );
}
