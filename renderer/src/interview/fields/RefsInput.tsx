import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REFS } from '../../../../shared/forms/answers';
import type { PersonRole, RegisterName } from '../../../../shared/forms/registers';
import type { PersonField } from '../../../../shared/forms/template';
import { entryOptions, registerEntries } from '../../registers/entry-text';
import { useRegisters } from '../../registers/registers-context';
import { answered, refsOf } from '../answer-values';
import type { LeafProps } from './leaf-props';
import { OwnWordsArea, RegisterPicker } from './RefOrTextInput';
import { useDraftText } from './use-draft-text';

/**
 * A person field that takes several register entries (an act's perpetrators): the chosen ones
 * listed, each with a remove button; the same picker adds one more; and the survivor's words for
 * anyone not in the register. Nothing chosen and no words: no answer.
 */
export function RefsInput(props: LeafProps<PersonField>) {
  const { field, answer, onChange, labelId, describedBy, invalid } = props;
  const { t } = useTranslation();
  const registers = useRegisters();
  const hintId = useId();
  const listId = useId();
  const register: RegisterName = field.register ?? 'perpetrators';
  const value = refsOf(answer);
  const lines = useMemo(() => {
    const labels = {
      kind: () => '',
      role: (role: PersonRole) => t(`registers.roleNames.${role}`),
    };
    const options = entryOptions(register, registerEntries(registers, register), labels);
    return new Map(options.map((o) => [o.id, o.line]));
  }, [register, registers, t]);

  const save = (refs: string[], text: string) => {
    const words = text.trim() ? text : undefined;
    onChange(
      refs.length || words ? answered({ refs, ...(words ? { text: words } : {}) }) : undefined,
    );
  };
  const draft = useDraftText<HTMLTextAreaElement>(value.text, (text) => {
    save(refsOf(answer).refs, text);
  });

  return (
    <div className="ref-input">
      <span id={listId} className="sub-label">
        {t('field.ref.chosen')}
      </span>
      {value.refs.length === 0 ? (
        <p className="muted">{t('field.ref.noneChosen')}</p>
      ) : (
        <ul className="ref-chosen" aria-labelledby={`${labelId} ${listId}`}>
          {value.refs.map((ref) => {
            const line = lines.get(ref) ?? '?';
            return (
              <li key={ref}>
                <span>{line}</span>
                <button
                  type="button"
                  className="chip danger-chip"
                  aria-label={t('field.ref.remove', { name: line })}
                  onClick={() =>
                    save(
                      value.refs.filter((r) => r !== ref),
                      value.text,
                    )
                  }
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {value.refs.length < MAX_REFS ? (
        <RegisterPicker
          register={register}
          selected=""
          exclude={value.refs}
          onPick={(ref) => ref && save([...value.refs, ref], value.text)}
          labelId={labelId}
          describedBy={describedBy}
          invalid={invalid}
        />
      ) : (
        <p className="muted">{t('field.ref.full', { n: MAX_REFS })}</p>
      )}
      <span id={hintId} className="sub-label">
        {t('field.ref.others')}
      </span>
      <OwnWordsArea
        draft={draft}
        labelledBy={`${labelId} ${hintId}`}
        describedBy={describedBy}
        invalid={invalid}
      />
    </div>
  );
}
