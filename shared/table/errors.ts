/** Codes an import can fail with: no plan table at all, one past the import limits, or bytes not in the named encoding. */
export type ImportErrorCode = 'import.unreadable' | 'import.too-large' | 'import.encoding';

/** Why a body is not imported at all (no header row, or too large): nothing is imported. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly code: ImportErrorCode = 'import.unreadable',
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
