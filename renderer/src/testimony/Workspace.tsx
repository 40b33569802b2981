import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import { NarrativeEditor } from './NarrativeEditor';
import { NewTestimonyForm } from './NewTestimonyForm';
import { VaultSettings } from '../vault/VaultSettings';
import { IdleLockSetting } from './IdleLockSetting';
import { SearchBox } from './SearchBox';
import { TestimonyList } from './TestimonyList';

type Summary = OutputOf<'testimony:list'>['items'][number];

export function Workspace(props: {
  idleLockSeconds: number;
  onIdleLockSeconds: (seconds: number) => void;
  onDestroyed: () => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Summary[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped to reload the list, e.g. after a testimony was created.
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

  return (
    <div className="workspace">
      <aside className="sidebar" aria-label={t('testimony.listTitle')}>
        <NewTestimonyForm
          onCreated={(created) => {
            setSelected(created.id);
            setListVersion((v) => v + 1);
          }}
        />
        <SearchBox onSelect={setSelected} />
        <TestimonyList items={items} selected={selected} onSelect={setSelected} />
        {error && <ErrorNote code={error} />}
        <IdleLockSetting value={props.idleLockSeconds} onChange={props.onIdleLockSeconds} />
        <VaultSettings onDestroyed={props.onDestroyed} />
      </aside>
      <section className="editor-pane">
        {selected ? (
          <NarrativeEditor key={selected} id={selected} />
        ) : (
          <p className="muted placeholder">{t('testimony.selectPrompt')}</p>
        )}
      </section>
    </div>
  );
}
