import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, LeafAnswer } from '../../../../shared/forms/answers';
import { answerState } from '../../../../shared/forms/answers';
import type { Field } from '../../../../shared/forms/template';
import { IdentifyingFieldWaits } from '../IdentifyingWaits';
import { useLocalText } from '../local-text';
import { useFault, useSectionStore } from '../use-interview';

export interface ControlIds {
  /** The label element: every control of the field is labelled by it. */
  readonly labelId: string;
  /** Help text and the refusal, if any, for aria-describedby. */
  readonly describedBy: string | undefined;
  /** Main refused this answer (INVALID_ANSWER): the control says so (aria-invalid). */
  readonly invalid?: boolean;
}

/**
 * One question: its label (as the legend of a fieldset), the help under it, a mark when it is a
 * clarifying question, the value control, and the other ways to answer — "Unknown", "Declined to
 * answer" — and "Clear" back to "not asked yet".
 */
export function FieldFrame({
  field,
  answer,
  onSet,
  children,
  statesLocked = false,
  path = field.id,
  fixed = false,
}: {
  field: Field;
  answer: Answer | LeafAnswer | undefined;
  onSet: (answer: Answer | undefined) => void;
  children: (ids: ControlIds) => ReactNode;
  /** Groups with entries: the whole question cannot be marked unknown without removing them. */
  statesLocked?: boolean;
  /** Where main names this answer when it refuses it: the field id, or `group.<item>.field`. */
  path?: string;
  /** Main keeps this answer for good (what a saved withdrawal withdrew): shown, not changed. */
  fixed?: boolean;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const labelId = useId();
  const helpId = useId();
  const stateId = useId();
  const faultId = useId();
  const fault = useFault(useSectionStore(), path);
  const state = answerState(answer);
  const help = lt(field.help);
  const describedBy = [help ? helpId : '', fault ? faultId : ''].filter(Boolean).join(' ');
  const toggle = (next: 'unknown' | 'declined') =>
    onSet(state === next ? undefined : { state: next });

  return (
    <fieldset
      className={`q q-${field.kind}`}
      data-field={field.id}
      data-state={state}
      data-fault={fault}
      data-fixed={fixed || undefined}
      aria-describedby={stateId}
      // Disables its value control and "Unknown", "Declined", "Clear" alike.
      disabled={fixed}
    >
      <legend>
        <span id={labelId} className="q-label">
          {lt(field.label)}
        </span>
        {field.clarifying && <span className="tag">{t('field.clarifying')}</span>}
      </legend>
      {help && (
        <p id={helpId} className="help">
          {help}
        </p>
      )}
      <div className="q-control">
        {children({ labelId, describedBy: describedBy || undefined, invalid: !!fault })}
      </div>
      {fault && (
        // Focusable, so "Show the field" can bring the reason and its question into view.
        <p id={faultId} className="error-note field-fault" tabIndex={-1} data-field-fault={path}>
          {t(`field.faults.${fault}`, { defaultValue: t('field.faults.other') })}
        </p>
      )}
      <IdentifyingFieldWaits field={field} />
      <div className="q-states">
        <span id={stateId} className="q-state" data-state={state}>
          {t(`field.state.${state}`)}
        </span>
        <button
          type="button"
          className="chip"
          aria-pressed={state === 'unknown'}
          disabled={statesLocked}
          onClick={() => toggle('unknown')}
        >
          {t('field.unknown')}
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={state === 'declined'}
          disabled={statesLocked}
          onClick={() => toggle('declined')}
        >
          {t('field.declined')}
        </button>
        <button
          type="button"
          className="chip"
          title={t('field.clearHint')}
          disabled={state === 'not_asked' || statesLocked}
          onClick={() => onSet(undefined)}
        >
          {t('field.clear')}
        </button>
        {statesLocked && <span className="help">{t('field.groupStateLocked')}</span>}
      </div>
    </fieldset>
  );
}
