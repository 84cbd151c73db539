/**
 * The tab's title (WCAG 2.4.2 "Page Titled"): "<what the page is> – Samplan", told apart
 * from every other tab by what comes first. A title is a name, not a sentence: it never
 * ends with the full stop of the message it may come from.
 */

/** "<text> – <appName>", the text trimmed and without closing sentence punctuation; `appName` alone for no text. */
export function pageTitle(text: string, appName: string): string {
  const name = text.trim().replace(/[\s.!。]+$/u, '');
  return name ? `${name} – ${appName}` : appName;
}

/**
 * A message's first clause, as a title for the page that shows the message: "Dokumentet
 * finns inte, eller så …" → "Dokumentet finns inte".
 */
export function firstClause(message: string): string {
  return message.split(/[,.;:!?]\s/u)[0]?.trim() ?? '';
}
