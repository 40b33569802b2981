import type {
  Facility,
  Person,
  PersonRole,
  Perpetrator,
  RegisterName,
} from '../../../shared/forms/registers';
import { perpetratorTitle, personTitle } from '../../../shared/forms/registers';

/** How an entry reads in a list or a picker: its name and what tells it apart. */
export function facilityLine(f: Facility, kindLabel: (kind: Facility['kind']) => string): string {
  return [f.name, kindLabel(f.kind), f.location].filter(Boolean).join(' · ');
}

export function perpetratorLine(p: Perpetrator): string {
  const others = [...p.names.slice(1), ...p.callSigns.map((c) => `«${c}»`)].filter(
    (x) => x !== perpetratorTitle(p),
  );
  return [perpetratorTitle(p), ...others, p.unit].filter(Boolean).join(' · ');
}

export function personLine(p: Person, roleLabel: (role: PersonRole) => string): string {
  return [personTitle(p), ...p.names.slice(1), p.roles.map(roleLabel).join(', ')]
    .filter(Boolean)
    .join(' · ');
}

/** Everything a search may match: names, aliases, call signs, unit, location. */
export function facilityHaystack(f: Facility): string {
  return [f.name, ...f.aliases, f.location].join(' ').toLocaleLowerCase();
}

export function perpetratorHaystack(p: Perpetrator): string {
  return [...p.names, ...p.callSigns, p.unit].join(' ').toLocaleLowerCase();
}

export function personHaystack(p: Person): string {
  return p.names.join(' ').toLocaleLowerCase();
}

/** An entry as a list or a picker shows it, with what a search matches. */
export interface EntryOption {
  readonly id: string;
  readonly line: string;
  readonly hay: string;
}

/** How vocabulary codes read in the UI language. */
export interface EntryLabels {
  readonly kind: (kind: Facility['kind']) => string;
  readonly role: (role: PersonRole) => string;
}

export function entryOptions(
  register: RegisterName,
  entries: ReadonlyArray<Facility | Perpetrator | Person>,
  labels: EntryLabels,
): EntryOption[] {
  return entries.map((e) => {
    switch (register) {
      case 'facilities':
        return {
          id: e.id,
          line: facilityLine(e as Facility, labels.kind),
          hay: facilityHaystack(e as Facility),
        };
      case 'perpetrators':
        return {
          id: e.id,
          line: perpetratorLine(e as Perpetrator),
          hay: perpetratorHaystack(e as Perpetrator),
        };
      case 'people':
        return {
          id: e.id,
          line: personLine(e as Person, labels.role),
          hay: personHaystack(e as Person),
        };
    }
  });
}

/** Each register's list title, add button and new-entry dialog title (i18n keys). */
export const LIST_KEYS = {
  facilities: { title: 'facilities', add: 'addFacility', dialog: 'newFacility' },
  perpetrators: { title: 'perpetrators', add: 'addPerpetrator', dialog: 'newPerpetrator' },
  people: { title: 'people', add: 'addPerson', dialog: 'newPerson' },
} as const;

/** The title of the dialog that adds an entry to `register`. */
export function newEntryTitleKey(register: RegisterName) {
  return `registers.${LIST_KEYS[register].dialog}` as const;
}

/** The entries of one register. */
export function registerEntries(
  registers: {
    facilities: readonly Facility[];
    perpetrators: readonly Perpetrator[];
    people: readonly Person[];
  },
  register: RegisterName,
): ReadonlyArray<Facility | Perpetrator | Person> {
  return registers[register];
}

/** The search as typed, folded the way the haystacks are; empty matches everything. */
export function searchKey(query: string): string {
  return query.trim().toLocaleLowerCase();
}

/** One entry per line, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
