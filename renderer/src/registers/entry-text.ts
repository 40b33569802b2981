import type { Facility, Perpetrator, RegisterName } from '../../../shared/forms/registers';
import { perpetratorTitle } from '../../../shared/forms/registers';

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

/** Everything a search may match: names, aliases, call signs, unit, location. */
export function facilityHaystack(f: Facility): string {
  return [f.name, ...f.aliases, f.location].join(' ').toLocaleLowerCase();
}

export function perpetratorHaystack(p: Perpetrator): string {
  return [...p.names, ...p.callSigns, p.unit].join(' ').toLocaleLowerCase();
}

/** An entry as a list or a picker shows it, with what a search matches. */
export interface EntryOption {
  readonly id: string;
  readonly line: string;
  readonly hay: string;
}

export function entryOptions(
  register: RegisterName,
  entries: ReadonlyArray<Facility | Perpetrator>,
  kindLabel: (kind: Facility['kind']) => string,
): EntryOption[] {
  return entries.map((e) =>
    register === 'facilities'
      ? {
          id: e.id,
          line: facilityLine(e as Facility, kindLabel),
          hay: facilityHaystack(e as Facility),
        }
      : {
          id: e.id,
          line: perpetratorLine(e as Perpetrator),
          hay: perpetratorHaystack(e as Perpetrator),
        },
  );
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
