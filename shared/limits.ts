/** Limits both sides obey: the server's request schemas and the client's forms. */
export const Limits = {
  /** Names and titles (DESIGN.md: 1–200 characters). */
  maxNameLength: 200,
  maxEmailLength: 254,
  minPasswordLength: 8,
  maxPasswordLength: 256,
  /** A plan table larger than this is not a plan table someone pasted. */
  maxImportBytes: 2 * 1024 * 1024,
  /** Days ahead in which a deadline is "soon" (`deadline.soon`). */
  deadlineSoonDays: 14,
} as const;
