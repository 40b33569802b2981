import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Facility,
  Person,
  PersonRole,
  Perpetrator,
  RegisterName,
} from '../../../shared/forms/registers';
import { REGISTERS } from '../../../shared/forms/registers';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';
import {
  entryOptions,
  LIST_KEYS,
  newEntryTitleKey,
  registerEntries,
  searchKey,
} from './entry-text';
import { Mentions } from './Mentions';
import { RegisterEntryForm } from './RegisterEntryForm';
import { useRegisters } from './registers-context';

type Selected = { readonly register: RegisterName; readonly id: string };

/**
 * The vault's registers: places of detention, perpetrators, co-detainees and witnesses, each
 * entry editable, with the testimonies that mention it (a click opens one).
 */
export function RegistersScreen({ onOpenTestimony }: { onOpenTestimony: (id: string) => void }) {
  const { t } = useTranslation();
  const registers = useRegisters();
  const { reload } = registers;
  const [selected, setSelected] = useState<Selected | null>(null);
  const [adding, setAdding] = useState<RegisterName | null>(null);
  const [note, setNote] = useState<string | null>(null);

  // Other testimonies may have added entries since the registers were read.
  useEffect(() => reload(), [reload]);

  const entry = selected
    ? registerEntries(registers, selected.register).find((e) => e.id === selected.id)
    : undefined;

  return (
    <article className="registers" aria-labelledby="registers-title">
      <div className="page-head">
        <h1 id="registers-title">{t('registers.title')}</h1>
      </div>
      <p className="section-intro">{t('registers.intro')}</p>
      {registers.error && <ErrorNote code={registers.error} />}
      <div className="registers-body">
        <div className="registers-lists">
          {REGISTERS.map((register) => (
            <RegisterList
              key={register}
              register={register}
              title={t(`registers.${LIST_KEYS[register].title}`)}
              addLabel={t(`registers.${LIST_KEYS[register].add}`)}
              entries={registerEntries(registers, register)}
              selected={selected}
              onSelect={(id) => {
                setNote(null);
                setSelected({ register, id });
              }}
              onAdd={() => setAdding(register)}
            />
          ))}
        </div>
        <div className="register-detail">
          {selected && entry ? (
            <section aria-labelledby="entry-title">
              <h2 id="entry-title">{t('registers.editTitle')}</h2>
              <RegisterEntryForm
                key={selected.id}
                register={selected.register}
                entry={entry}
                onSaved={() => setNote(t('registers.saved'))}
              />
              {note && (
                <p className="ok-note" role="status">
                  {note}
                </p>
              )}
              <Mentions
                register={selected.register}
                id={selected.id}
                onOpenTestimony={onOpenTestimony}
              />
            </section>
          ) : (
            <p className="muted">{t('registers.select')}</p>
          )}
        </div>
      </div>
      {adding && (
        <Modal title={t(newEntryTitleKey(adding))} onClose={() => setAdding(null)}>
          <RegisterEntryForm
            register={adding}
            autoFocus
            onCancel={() => setAdding(null)}
            onSaved={(saved) => {
              setAdding(null);
              setNote(null);
              setSelected({ register: adding, id: saved.id });
            }}
          />
        </Modal>
      )}
    </article>
  );
}

function RegisterList({
  register,
  title,
  addLabel,
  entries,
  selected,
  onSelect,
  onAdd,
}: {
  register: RegisterName;
  title: string;
  addLabel: string;
  entries: readonly (Facility | Perpetrator | Person)[];
  selected: Selected | null;
  onSelect: (id: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const filterId = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = searchKey(query);
    const labels = {
      kind: (kind: Facility['kind']) => t(`registers.kinds.${kind}`),
      role: (role: PersonRole) => t(`registers.roleNames.${role}`),
    };
    return entryOptions(register, entries, labels)
      .filter((e) => !q || e.hay.includes(q))
      .sort((a, b) => a.line.localeCompare(b.line));
  }, [entries, register, query, t]);

  return (
    <section className="register-list" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
      {entries.length > 0 && (
        <div className="field">
          <label htmlFor={filterId} className="sub-label">
            {t('registers.filter')}
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      )}
      {shown.length === 0 ? (
        <p className="muted">{t('registers.empty')}</p>
      ) : (
        <ul className="entry-list">
          {shown.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                aria-current={
                  selected?.register === register && selected.id === e.id ? 'true' : undefined
                }
                onClick={() => onSelect(e.id)}
              >
                {e.line}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
