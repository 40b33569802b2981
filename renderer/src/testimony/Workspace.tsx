import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { InterviewView } from '../interview/InterviewView';
import { call } from '../ipc/client';
import { RegistersProvider } from '../registers/registers-context';
import { RegistersScreen } from '../registers/RegistersScreen';
import { VaultSettings } from '../vault/VaultSettings';
import { IdleLockSetting } from './IdleLockSetting';
import { NewTestimonyForm } from './NewTestimonyForm';
import { SearchBox } from './SearchBox';
import { TestimonyList } from './TestimonyList';

type Summary = OutputOf<'testimony:list'>['items'][number];
type View = { readonly kind: 'testimony'; readonly id: string } | { readonly kind: 'registers' };

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
  const selected = view?.kind === 'testimony' ? view.id : null;

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
          {error && <ErrorNote code={error} />}
          <IdleLockSetting value={props.idleLockSeconds} onChange={props.onIdleLockSeconds} />
          <VaultSettings onDestroyed={props.onDestroyed} />
        </aside>
        <section className="editor-pane">
          {view?.kind === 'testimony' ? (
            <InterviewView key={view.id} testimonyId={view.id} onConsentChanged={reloadList} />
          ) : view?.kind === 'registers' ? (
            <RegistersScreen onOpenTestimony={open} />
          ) : (
            <p className="muted placeholder">{t('testimony.selectPrompt')}</p>
          )}
        </section>
      </div>
    </RegistersProvider>
  );
}
