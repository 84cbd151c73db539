import { useLocation } from '@solidjs/router';
import { createEffect, ErrorBoundary, on, Show, type JSX } from 'solid-js';
import { t } from '../i18n/index.js';
import { isChunkLoadError, isReloadPending } from '../lib/chunk-reload.js';

/**
 * The page, or what stopped it (issue 17 user test item 3): a page whose code (a lazy chunk)
 * still fails after the one automatic reload (lib/chunk-reload.ts) says so, "Sidan kunde
 * inte laddas. Kontrollera anslutningen och ladda om.", with "Ladda om"; anything else a
 * page throws while drawn says "Något gick fel …" with the same button. Never a blank page
 * under the header. While the automatic reload is under way it shows nothing.
 */
export function PageError(props: { children: JSX.Element }) {
  return <ErrorBoundary fallback={(error: unknown, reset) => <PageErrorMessage error={error} reset={reset} />}>{props.children}</ErrorBoundary>;
}

function PageErrorMessage(props: { error: unknown; reset: () => void }) {
  let button: HTMLButtonElement | undefined;
  // Going to another page (the header's links, Back) draws that page, not this message again.
  const where = useLocation();
  createEffect(on(() => where.pathname, () => props.reset(), { defer: true }));
  // Focus was on the link that opened the page, now gone: the way on takes it (WCAG 2.4.3).
  queueMicrotask(() => button?.focus());
  return (
    <Show when={!isReloadPending()}>
      <div class="page-error" role="alert">
        <p class="error">{isChunkLoadError(props.error) ? t('pageLoadFailed') : t('pageFailed')}</p>
        <button type="button" ref={button} onClick={() => location.reload()}>
          {t('reloadPage')}
        </button>
      </div>
    </Show>
  );
}
