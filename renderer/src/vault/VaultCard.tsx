import type { FormEvent, ReactNode } from 'react';
import { ErrorNote } from '../app/ErrorNote';

/** The frame of the create and unlock screens: a titled form, its notes and one submit button. */
export function VaultCard(props: {
  id: string;
  title: string;
  intro: string;
  onSubmit: (event: FormEvent) => void;
  problem?: string | null;
  errorCode: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <form className="card narrow" onSubmit={props.onSubmit} aria-labelledby={props.id}>
      <h1 id={props.id}>{props.title}</h1>
      <p className="muted">{props.intro}</p>
      {props.children}
      {props.problem && (
        <p className="error-note" role="alert">
          {props.problem}
        </p>
      )}
      {props.errorCode && <ErrorNote code={props.errorCode} />}
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? props.busyLabel : props.submitLabel}
      </button>
      {props.footer}
    </form>
  );
}
