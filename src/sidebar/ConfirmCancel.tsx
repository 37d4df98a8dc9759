/**
 * The "are you sure?" under a Cancel button: the question, a red Yes, and Keep going (focused, so Enter
 * keeps the work going). Used by the batch's progress and by a single link's run.
 */
import type { ComponentChildren } from 'preact';

export function ConfirmCancel(props: {
  id: string;
  testId?: string;
  yesTestId: string;
  yesLabel: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={props.id} data-testid={props.testId}>
      <p id={props.id}>{props.children}</p>
      <button
        type="button"
        class="danger"
        data-testid={props.yesTestId}
        disabled={props.busy}
        onClick={props.onYes}
      >
        {props.yesLabel}
      </button>{' '}
      <button type="button" onClick={props.onNo} disabled={props.busy} autoFocus>
        Keep going
      </button>
    </div>
  );
}
