/**
 * zod for the client, interpreted: zod compiles schemas with `Function` when it may, and
 * decides when a schema is made; our CSP forbids eval, so its probe was reported as a CSP
 * violation whenever a module made a schema at load before main.tsx could configure zod
 * (held-conflicts.ts, in the first chunk). Client code imports `z` from here (eslint
 * no-restricted-imports), so the setting comes first wherever a schema is made.
 */
import { config, z } from 'zod';

config({ jitless: true });

export { z };
