import type { Facility, Perpetrator } from '../../../shared/forms/registers';
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

/** One entry per line, blank lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
