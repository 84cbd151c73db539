/**
 * Precompiled reads (server/db/precompiled.ts) on a real database, SQLite or PostgreSQL:
 * for every query shape and many random arguments they give exactly the rows the builder's
 * `execute()` gives; they never see another request's uncommitted writes (on SQLite the
 * direct path must step aside while a transaction is open); inside a transaction they see
 * its own writes; an argument the query does not use is refused when it is built.
 */
import type { Compilable } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kdb } from '../../server/db/kysely.js';
import { precompiled, type Param } from '../../server/db/precompiled.js';
import { openTestDatabase } from '../support/database.js';

const database = await openTestDatabase();
const { kdb } = database;
afterAll(() => database.close());

const user = (id: string, createdAt: number) => ({ id, email: `${id}@example.se`, name: `Name ${id}`, password_hash: 'x', created_at: createdAt });
for (let i = 0; i < 40; i++) await kdb.insertInto('users').values(user(`u${i}`, i % 7)).execute();

interface Shape {
  name: string;
  arity: number;
  build: (k: Kdb, ...args: Param[]) => Compilable<unknown> & { execute(): Promise<unknown[]> };
  /** Random arguments for one call. */
  args: (random: () => number) => Param[];
}

const someId = (random: () => number) => `u${Math.floor(random() * 45)}`;
const SHAPES: Shape[] = [
  { name: 'point lookup', arity: 1, build: (k, id) => k.selectFrom('users').select(['id', 'name']).where('id', '=', id as string), args: (r) => [someId(r)] },
  {
    name: 'two arguments and a constant between them',
    arity: 2,
    build: (k, a, b) => k.selectFrom('users').select('id').where('created_at', '>=', a as number).where('password_hash', '=', 'x').where('created_at', '<', b as number).orderBy('id'),
    args: (r) => [Math.floor(r() * 7), Math.floor(r() * 8)],
  },
  {
    name: 'one argument used twice, aliases, a limit',
    arity: 1,
    build: (k, id) => k.selectFrom('users').select(['id as userId', 'created_at as at']).where((eb) => eb.or([eb('id', '=', id as string), eb('email', '=', id as string)])).orderBy('id').limit(3),
    args: (r) => [someId(r)],
  },
  {
    name: 'a count',
    arity: 1,
    build: (k, at) => k.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '=', at as number),
    args: (r) => [Math.floor(r() * 9)],
  },
];

/** A small seeded generator, so a failure names arguments that reproduce it. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe(`precompiled reads (${database.dialect})`, () => {
  it.each(SHAPES)('$name: the same rows (and first row) as the builder, for random arguments', async (shape) => {
    const query = precompiled(shape.arity, shape.build);
    const random = seeded(shape.name.length);
    for (let i = 0; i < 50; i++) {
      const args = shape.args(random);
      const rows = await shape.build(kdb, ...args).execute();
      expect({ args, rows: await query.all(kdb, ...args) }).toEqual({ args, rows });
      expect({ args, first: await query.first(kdb, ...args) }).toEqual({ args, first: rows[0] });
    }
  });

  it('never see another request’s uncommitted write, and see it once committed', async () => {
    const find = precompiled(1, (k, id: string) => k.selectFrom('users').select('id').where('id', '=', id));
    let during: Promise<unknown> = Promise.resolve();
    await expect(
      kdb.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(user('uncommitted', 1)).execute();
        expect(await find.first(trx, 'uncommitted')).toEqual({ id: 'uncommitted' });
        // Another request's read while this one is open (not awaited: on SQLite it waits for this transaction).
        during = find.first(kdb, 'uncommitted');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await during).toBeUndefined();
    await kdb.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(user('committed', 1)).execute();
      during = find.first(kdb, 'committed');
    });
    // SQLite answers after the commit; on PostgreSQL it races the commit (READ COMMITTED), either answer is right.
    const answer = await during;
    if (database.dialect === 'sqlite') expect(answer).toEqual({ id: 'committed' });
    expect(await find.first(kdb, 'committed')).toEqual({ id: 'committed' });
  });

  it('refuses an argument the query does not use', async () => {
    const unused = precompiled(2, (k, id: string, _name: string) => k.selectFrom('users').select('id').where('id', '=', id));
    await expect(unused.first(kdb, 'u1', 'x')).rejects.toThrow(/argument 1 is not a parameter/);
  });
});
