/** Limits both sides obey: the server's request schemas and the client's forms. */
export const Limits = {
  /** Names and titles (DESIGN.md: 1–200 characters). */
  maxNameLength: 200,
  maxEmailLength: 254,
  minPasswordLength: 8,
  maxPasswordLength: 256,
  /** A plan table larger than this is refused, 413 `import.too-large` (DESIGN "Limits every boundary enforces"). */
  maxImportBytes: 5 * 1024 * 1024,
  /** Rows (lines, a quoted cell's line breaks aside) of a plan table; past it 413 `import.too-large`. */
  maxImportRows: 20_000,
  /** Days ahead in which a deadline is "soon" (`deadline.soon`). */
  deadlineSoonDays: 14,
} as const;
