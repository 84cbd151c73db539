/** Why a body is not a plan table at all (no header row): nothing is imported. */
export class ImportError extends Error {
  readonly code = 'import.unreadable';
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
