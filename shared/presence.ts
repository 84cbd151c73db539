/**
 * How a person appears to others in a document (awareness `user`): the rules both sides
 * apply, so that nothing a client claims about itself reaches another person's screen
 * unchecked (DESIGN "Limits every boundary enforces": `user.color` is `#rrggbb`).
 */
export const PRESENCE_COLORS = ['#1f6feb', '#b3261e', '#0f7b3f', '#8a3ffc', '#b35900', '#00707a', '#a3195b', '#4b5563'] as const;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Whether `value` is a colour a style may use: exactly `#rrggbb`. */
export function isPresenceColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** A stable colour per user, so people keep their colour across sessions and devices. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}

/** The translucent variant drawn behind a remote selection (`#rrggbb` + alpha `33`). */
export function lightColorOf(color: string): string {
  return `${color}33`;
}
