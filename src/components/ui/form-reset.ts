import type { FormEvent } from "react";

/**
 * For the `onReset` of a `<form action={fn}>` whose controls are controlled by
 * state. React resets such a form after every submission (form.reset()), which
 * puts the DOM of controlled radios, checkboxes and selects back to their
 * defaults while the state keeps the user's choice: after a decline the chosen
 * card looked unselected, and an applied language showed the old one again.
 * Cancelling the reset keeps DOM and state in step; each form clears its own
 * state when it should (after a success).
 */
export function keepControlledValues(event: FormEvent<HTMLFormElement>): void {
  event.preventDefault();
}
