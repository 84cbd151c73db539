/** See server-flags.mjs. */
export function serverNodeFlags(cpus?: number): string[];
