import type { LeafAnswer } from '../../../../shared/forms/answers';
import type { ControlIds } from './FieldFrame';

/** What every value control gets: its field, its answer, and how to change the answer. */
export interface LeafProps<F> extends ControlIds {
  readonly field: F;
  readonly answer: LeafAnswer | undefined;
  readonly onChange: (answer: LeafAnswer | undefined) => void;
  /** Section B's consent dates offer "Today". */
  readonly offerToday?: boolean;
  /** Filled in by the app, not typed (text fields only). */
  readonly readOnly?: boolean;
}
