import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Facility,
  Person,
  PersonRole,
  Perpetrator,
  RegisterName,
} from '../../../../shared/forms/registers';
import type { PersonField, PlaceField } from '../../../../shared/forms/template';
import { MAX_SHORT_TEXT } from '../../../../shared/forms/answers';
import { Modal } from '../../app/Modal';
import {
  entryOptions,
  newEntryTitleKey,
  registerEntries,
  searchKey,
} from '../../registers/entry-text';
import { RegisterEntryForm } from '../../registers/RegisterEntryForm';
import { useRegisters } from '../../registers/registers-context';
import { answered, refOrTextOf } from '../answer-values';
import type { LeafProps } from './leaf-props';
import { useDraftText } from './use-draft-text';

type Mode = 'register' | 'text';

/**
 * A place (facility register) or a person (the perpetrator or the people register, as the field
 * says): an entry picked from the register, or the survivor's words when nothing fits; a new
 * entry can be added on the spot.
 */
export function RefOrTextInput(props: LeafProps<PlaceField | PersonField>) {
  const { field, answer, onChange, labelId, describedBy, invalid } = props;
  const { t } = useTranslation();
  const register: RegisterName | null = field.kind === 'place' ? 'facilities' : field.register;
  const value = refOrTextOf(answer);
  const [mode, setMode] = useState<Mode>(
    register && (!value || 'ref' in value) ? 'register' : 'text',
  );
  const name = useId();

  if (!register) return <OwnWords {...props} />;
  return (
    <div className="ref-input">
      <div className="options options-inline" role="radiogroup" aria-label={t('field.ref.mode')}>
        {(['register', 'text'] as const).map((m) => (
          <label key={m} className="option">
            <input type="radio" name={name} checked={mode === m} onChange={() => setMode(m)} />
            <span>{m === 'register' ? t('field.ref.fromRegister') : t('field.ref.ownWords')}</span>
          </label>
        ))}
      </div>
      {mode === 'register' ? (
        <RegisterPicker
          register={register}
          selected={value && 'ref' in value ? value.ref : ''}
          onPick={(ref) => onChange(ref ? answered({ ref }) : undefined)}
          labelId={labelId}
          describedBy={describedBy}
          invalid={invalid}
        />
      ) : (
        <OwnWords {...props} />
      )}
    </div>
  );
}

/** The survivor's own words in a place or person field: one short line, bounded as main bounds it. */
export function OwnWordsArea({
  draft,
  labelledBy,
  describedBy,
  invalid,
}: {
  draft: ReturnType<typeof useDraftText<HTMLTextAreaElement>>;
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean | undefined;
}) {
  return (
    <textarea
      {...draft}
      className="short-text"
      rows={1}
      maxLength={MAX_SHORT_TEXT}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      spellCheck={false}
      autoComplete="off"
      dir="auto"
    />
  );
}

function OwnWords({ answer, onChange, labelId, describedBy, invalid }: LeafProps<unknown>) {
  const { t } = useTranslation();
  const hintId = useId();
  const value = refOrTextOf(answer);
  const draft = useDraftText<HTMLTextAreaElement>(
    value && 'text' in value ? value.text : '',
    (text) => {
      // Switching to own words keeps a register choice until something is typed.
      if (text.trim()) onChange(answered({ text }));
      else if (value && 'text' in value) onChange(undefined);
    },
  );
  return (
    <>
      <OwnWordsArea
        draft={draft}
        labelledBy={`${labelId} ${hintId}`}
        describedBy={describedBy}
        invalid={invalid}
      />
      <span id={hintId} className="visually-hidden">
        {t('field.ref.text')}
      </span>
    </>
  );
}

/** Search, pick or add one entry; `exclude`: entries already chosen (a multiple field's). */
export function RegisterPicker({
  register,
  selected,
  exclude,
  onPick,
  labelId,
  describedBy,
  invalid,
}: {
  register: RegisterName;
  selected: string;
  exclude?: readonly string[];
  onPick: (ref: string) => void;
  labelId: string;
  describedBy: string | undefined;
  invalid?: boolean | undefined;
}) {
  const { t } = useTranslation();
  const registers = useRegisters();
  const searchId = useId();
  const entryId = useId();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const matching = useMemo(() => {
    const labels = {
      kind: (kind: Facility['kind']) => t(`registers.kinds.${kind}`),
      role: (role: PersonRole) => t(`registers.roleNames.${role}`),
    };
    const q = searchKey(query);
    // The chosen entry stays listed whatever the filter, so the select never lies.
    return entryOptions(register, registerEntries(registers, register), labels).filter(
      (o) => !q || o.hay.includes(q) || o.id === selected,
    );
  }, [register, registers, query, selected, t]);
  // Entries chosen already (a field of several) are not offered again; "no match" is the query's.
  const options = exclude ? matching.filter((o) => !exclude.includes(o.id)) : matching;

  return (
    <div className="register-picker">
      <div className="picker-row">
        <label htmlFor={searchId} className="sub-label">
          {t('field.ref.search')}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="picker-row">
        <span id={entryId} className="sub-label">
          {t('field.ref.entry')}
        </span>
        <select
          value={selected}
          aria-labelledby={`${labelId} ${entryId}`}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onPick(e.target.value)}
        >
          <option value="">{matching.length ? t('field.ref.none') : t('field.ref.noMatch')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.line}
            </option>
          ))}
        </select>
      </div>
      {registers.error && <p className="error-note">{t('field.ref.registerFailed')}</p>}
      <div>
        <button type="button" className="chip" onClick={() => setAdding(true)}>
          {t('field.ref.add')}
        </button>
      </div>
      {adding && (
        <Modal title={t(newEntryTitleKey(register))} onClose={() => setAdding(false)}>
          <RegisterEntryForm
            register={register}
            initialName={query.trim()}
            autoFocus
            onCancel={() => setAdding(false)}
            onSaved={(entry: Facility | Perpetrator | Person) => {
              setAdding(false);
              setQuery('');
              onPick(entry.id);
            }}
          />
        </Modal>
      )}
    </div>
  );
}
