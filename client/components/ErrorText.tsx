import { Show } from 'solid-js';

/** A message read out by screen readers when it appears. */
export function ErrorText(props: { message: string | null; id?: string }) {
  return (
    <Show when={props.message}>
      <p class="error" role="alert" id={props.id}>
        {props.message}
      </p>
    </Show>
  );
}

export function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
