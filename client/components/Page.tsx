import { onCleanup, onMount, createEffect, type JSX } from 'solid-js';
import { shouldFocusHeading, type FocusPlace } from '../lib/page-focus.js';
import { t } from '../i18n/index.js';
import { pageTitle } from '../lib/page-title.js';

const claim = { claimedFor: location.pathname + location.search };
let titleOwner: symbol | null = null;

/**
 * Sets the tab's title to "<title> – Samplan" while the calling page is shown (WCAG 2.4.2),
 * following `title` as it changes (a document renamed by a peer). A page without a title
 * leaves "Samplan".
 */
export function usePageTitle(title: () => string): void {
  const owner = Symbol('page-title');
  createEffect(() => {
    titleOwner = owner;
    document.title = pageTitle(title(), t('appName'));
  });
  // A page that is leaving resets the title only if no newer page has set it meanwhile.
  onCleanup(() => {
    if (titleOwner === owner) document.title = t('appName');
  });
}

function focusPlace(): FocusPlace {
  const active = document.activeElement;
  if (!active || active === document.body) return 'none';
  // <main> itself (focused by the skip link) stays across pages: it is chrome, not the page.
  return active.tagName !== 'MAIN' && active.closest('main') ? 'page' : 'chrome';
}

/**
 * The page's main heading. After in-app navigation it takes focus (WCAG 2.4.3, see
 * lib/page-focus.ts), so reading and tabbing start at the new page, not at `<body>`.
 */
export function PageHeading(props: { children: JSX.Element; class?: string; id?: string }) {
  let heading: HTMLHeadingElement | undefined;
  // onMount can run before a page under a transition is attached: decide once it is drawn.
  onMount(() =>
    requestAnimationFrame(() => {
      if (heading?.isConnected && shouldFocusHeading(claim, location.pathname + location.search, focusPlace())) heading.focus();
    }),
  );
  return (
    <h1 ref={heading} tabindex="-1" class={props.class} id={props.id}>
      {props.children}
    </h1>
  );
}
