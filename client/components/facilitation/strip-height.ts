import { onCleanup } from 'solid-js';

/**
 * Keeps `--strip-top` (the session strip's height where it sticks under the header) and
 * `--strip-bottom` (where it is fixed at the bottom, on phones) on <html>, so the scroll
 * padding and the issues panel's sticky top leave it free: a heading or field scrolled to
 * never lands under the strip (WCAG 2.4.11, user test U13). Both are removed with the strip.
 */
export function trackStripHeight(strip: HTMLElement): void {
  const root = document.documentElement.style;
  const measure = () => {
    const style = getComputedStyle(strip);
    const height = strip.offsetHeight === 0 ? 0 : strip.offsetHeight + parseFloat(style.marginTop || '0');
    root.setProperty('--strip-top', `${style.position === 'sticky' ? height : 0}px`);
    root.setProperty('--strip-bottom', `${style.position === 'fixed' ? height : 0}px`);
  };
  const observer = new ResizeObserver(measure);
  observer.observe(strip);
  window.addEventListener('resize', measure);
  onCleanup(() => {
    observer.disconnect();
    window.removeEventListener('resize', measure);
    root.removeProperty('--strip-top');
    root.removeProperty('--strip-bottom');
  });
}
