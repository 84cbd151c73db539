/** Compiles server/ and shared/ to JavaScript under `outdir` (default dist/node); resolves to the number of files compiled. */
export function buildServer(outdir?: string): Promise<number>;
