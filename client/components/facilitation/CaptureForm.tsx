import type { JSX } from 'solid-js';

/**
 * One capture form's shell (DESIGN "Facilitation", Capture): its fields, then the submit
 * button; a submit is kept in the page and hands `onSubmit` the form, to read and reset.
 */
export function CaptureForm(props: { submitLabel: string; onSubmit: (form: HTMLFormElement) => void; children: JSX.Element }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onSubmit(event.currentTarget as HTMLFormElement);
  };
  return (
    <form class="session-inline" onSubmit={submit}>
      {props.children}
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
