/**
 * The vault's registers (facilities, perpetrators, people), read once while the vault is open and shared
 * by every place and person field and the registers screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Facility, Person, Perpetrator } from '../../../shared/forms/registers';
import type { InputOf, ResultOf } from '../../../shared/ipc';
import { call } from '../ipc/client';

export interface Registers {
  readonly facilities: readonly Facility[];
  readonly perpetrators: readonly Perpetrator[];
  readonly people: readonly Person[];
  /** An error code when the registers could not be read. */
  readonly error: string | null;
  save(input: InputOf<'register:save'>): Promise<ResultOf<'register:save'>>;
  reload(): void;
}

const RegistersContext = createContext<Registers | null>(null);

export function RegistersProvider({ children }: { children: ReactNode }) {
  const [facilities, setFacilities] = useState<readonly Facility[]>([]);
  const [perpetrators, setPerpetrators] = useState<readonly Perpetrator[]>([]);
  const [people, setPeople] = useState<readonly Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('register:list', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFacilities(result.value.facilities);
        setPerpetrators(result.value.perpetrators);
        setPeople(result.value.people);
        setError(null);
      } else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const save = useCallback(async (input: InputOf<'register:save'>) => {
    const result = await call('register:save', input);
    if (result.ok) {
      const saved = result.value;
      if (saved.register === 'facilities') setFacilities((list) => upsert(list, saved.entry));
      else if (saved.register === 'perpetrators') {
        setPerpetrators((list) => upsert(list, saved.entry));
      } else setPeople((list) => upsert(list, saved.entry));
    }
    return result;
  }, []);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(
    () => ({ facilities, perpetrators, people, error, save, reload }),
    [facilities, perpetrators, people, error, save, reload],
  );
  return <RegistersContext.Provider value={value}>{children}</RegistersContext.Provider>;
}

export function useRegisters(): Registers {
  const registers = useContext(RegistersContext);
  if (!registers) throw new Error('registers outside their provider');
  return registers;
}

function upsert<T extends { id: string }>(list: readonly T[], entry: T): T[] {
  return list.some((e) => e.id === entry.id)
    ? list.map((e) => (e.id === entry.id ? entry : e))
    : [...list, entry];
}
