/**
 * One polite live region for what fields tell (issue 17 item 10): a region per field would
 * cost thousands of nodes on a big plan, and a region inserted together with its text is
 * often not read at all. Created on first use, visually hidden.
 */
let region: HTMLElement | null = null;

/** Has screen readers read `text` once, politely. The same text twice in a row is read again. */
export function announce(text: string): void {
  if (typeof document === 'undefined') return;
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.dataset.fieldAnnouncer = '';
    document.body.append(region);
  }
  const target = region;
  target.textContent = '';
  // A later task: readers notice a change, not the same text set again.
  setTimeout(() => {
    target.textContent = text;
  }, 50);
}
