import type { JSX } from 'solid-js';

/** Focus (and so scroll to) the element with `id`; true when it exists. */
export function focusById(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * A skip link (WCAG 2.4.1) that moves focus, not just the scroll position: the client
 * router would otherwise catch `#id` as a navigation and leave focus where it was.
 * `rel="external"` keeps the router out; the click handler moves focus itself.
 */
export function SkipLink(props: { target: string; children: JSX.Element }) {
  return (
    <a
      class="skip-link"
      href={`#${props.target}`}
      rel="external"
      onClick={(event) => {
        if (focusById(props.target)) event.preventDefault();
      }}
    >
      {props.children}
    </a>
  );
}
