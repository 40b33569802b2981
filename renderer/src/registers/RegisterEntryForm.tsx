import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Facility,
  Person,
  PersonRole,
  Perpetrator,
  RegisterName,
} from '../../../shared/forms/registers';
import { FACILITY_KINDS, PERSON_ROLES } from '../../../shared/forms/registers';
import { ErrorNote } from '../app/ErrorNote';
import { splitLines } from './entry-text';
import { useRegisters } from './registers-context';

type Entry = Facility | Perpetrator | Person;

/** Creates or edits one register entry: a place of detention, a perpetrator, or a person. */
export function RegisterEntryForm({
  register,
  entry,
  initialName = '',
  onSaved,
  onCancel,
  autoFocus = false,
}: {
  register: RegisterName;
  entry?: Entry;
  /** A new entry may start from what the interviewer already typed. */
  initialName?: string;
  onSaved: (entry: Entry) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const { save } = useRegisters();
  const facility = register === 'facilities' ? (entry as Facility | undefined) : undefined;
  const perpetrator = register === 'perpetrators' ? (entry as Perpetrator | undefined) : undefined;
  const person = register === 'people' ? (entry as Person | undefined) : undefined;
  const [name, setName] = useState(facility?.name ?? initialName);
  const [kind, setKind] = useState<Facility['kind']>(facility?.kind ?? 'other');
  const [location, setLocation] = useState(facility?.location ?? '');
  const [aliases, setAliases] = useState(facility?.aliases.join('\n') ?? '');
  const [names, setNames] = useState((perpetrator ?? person)?.names.join('\n') ?? initialName);
  const [callSigns, setCallSigns] = useState(perpetrator?.callSigns.join('\n') ?? '');
  const [unit, setUnit] = useState(perpetrator?.unit ?? '');
  const [description, setDescription] = useState((perpetrator ?? person)?.description ?? '');
  const [roles, setRoles] = useState<readonly PersonRole[]>(person?.roles ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setError(null);
    setProblem(null);
    let result;
    if (register === 'facilities') {
      if (!name.trim()) return setProblem(t('registers.needName'));
      setBusy(true);
      result = await save({
        register,
        entry: {
          ...(facility ? { id: facility.id } : {}),
          name: name.trim(),
          kind,
          location: location.trim(),
          aliases: splitLines(aliases),
        },
      });
    } else if (register === 'people') {
      const n = splitLines(names);
      if (n.length === 0) return setProblem(t('registers.needPersonName'));
      setBusy(true);
      result = await save({
        register,
        entry: {
          ...(person ? { id: person.id } : {}),
          names: n,
          // In the vocabulary's order, whatever order they were ticked in.
          roles: PERSON_ROLES.filter((r) => roles.includes(r)),
          description: description.trim(),
        },
      });
    } else {
      const n = splitLines(names);
      const c = splitLines(callSigns);
      if (n.length + c.length === 0) return setProblem(t('registers.needNameOrCallSign'));
      setBusy(true);
      result = await save({
        register,
        entry: {
          ...(perpetrator ? { id: perpetrator.id } : {}),
          names: n,
          callSigns: c,
          unit: unit.trim(),
          description: description.trim(),
        },
      });
    }
    setBusy(false);
    if (result.ok) onSaved(result.value.entry);
    else setError(result.error.code);
  }

  // People and perpetrators are both named first, the same way.
  const namesRow = (
    <TextRow
      label={t('registers.names')}
      help={t('registers.namesHelp')}
      value={names}
      onChange={setNames}
      lines
      autoFocus={autoFocus}
    />
  );

  return (
    <form className="register-form" onSubmit={(e) => void submit(e)} noValidate>
      {register === 'facilities' ? (
        <>
          <TextRow
            label={t('registers.name')}
            value={name}
            onChange={setName}
            autoFocus={autoFocus}
          />
          <SelectRow
            label={t('registers.kind')}
            value={kind}
            options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`registers.kinds.${k}`) }))}
            onChange={(v) => setKind(v as Facility['kind'])}
          />
          <TextRow
            label={t('registers.location')}
            help={t('registers.locationHelp')}
            value={location}
            onChange={setLocation}
          />
          <TextRow
            label={t('registers.aliases')}
            help={t('registers.aliasesHelp')}
            value={aliases}
            onChange={setAliases}
            lines
          />
        </>
      ) : register === 'people' ? (
        <>
          {namesRow}
          <ChecksRow
            label={t('registers.roles')}
            help={t('registers.rolesHelp')}
            options={PERSON_ROLES.map((r) => ({ value: r, label: t(`registers.roleNames.${r}`) }))}
            value={roles}
            onChange={(v) => setRoles(v as PersonRole[])}
          />
          <TextRow
            label={t('registers.description')}
            help={t('registers.personDescriptionHelp')}
            value={description}
            onChange={setDescription}
            lines
          />
        </>
      ) : (
        <>
          {namesRow}
          <TextRow
            label={t('registers.callSigns')}
            help={t('registers.callSignsHelp')}
            value={callSigns}
            onChange={setCallSigns}
            lines
          />
          <TextRow label={t('registers.unit')} value={unit} onChange={setUnit} />
          <TextRow
            label={t('registers.description')}
            help={t('registers.descriptionHelp')}
            value={description}
            onChange={setDescription}
            lines
          />
        </>
      )}
      {problem && (
        <p className="error-note" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNote code={error} />}
      <div className="modal-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('registers.save')}
        </button>
      </div>
    </form>
  );
}

function TextRow(props: {
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  lines?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const helpId = useId();
  const common = {
    id,
    value: props.value,
    'aria-describedby': props.help ? helpId : undefined,
    spellCheck: false,
    autoComplete: 'off',
    'data-autofocus': props.autoFocus ? true : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.lines ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.help && (
        <p id={helpId} className="help">
          {props.help}
        </p>
      )}
    </div>
  );
}

function SelectRow(props: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Several choices from a small vocabulary, as labelled checkboxes in a fieldset. */
function ChecksRow(props: {
  label: string;
  help?: string;
  options: { value: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const helpId = useId();
  const toggle = (v: string, on: boolean) =>
    props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset className="field" aria-describedby={props.help ? helpId : undefined}>
      <legend>{props.label}</legend>
      <div className="options options-inline">
        {props.options.map((o) => (
          <label key={o.value} className="option">
            <input
              type="checkbox"
              checked={props.value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {props.help && (
        <p id={helpId} className="help">
          {props.help}
        </p>
      )}
    </fieldset>
  );
}
