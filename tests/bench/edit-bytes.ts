/**
 * The bytes of a writer's edit, written without a Y.Doc. A raw writer's edits are all
 * the same change — its own key of the `bench` map set to a new marker — so after the
 * first (made with Yjs), each is one struct whose left origin is the writer's previous
 * struct, and a delete set removing that previous value: exactly what Yjs encodes for
 * it (a unit test holds it to Yjs). Running a Yjs transaction per edit made the
 * generator, the measuring instrument, collect garbage it need not have.
 */
import * as encoding from 'lib0/encoding';

/** Yjs (update v1) struct info: has a left origin | has a parent key | content is ContentAny. */
const ITEM_WITH_ORIGIN_AND_KEY_ANY = 0x80 | 0x20 | 8;
/** lib0's `writeAny` tag for a string. */
const ANY_STRING = 119;

/** The update setting the writer's key to `text`, as struct `clock` of `client` (clock ≥ 1). */
export function mapSetUpdate(client: number, clock: number, text: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // structs of one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, ITEM_WITH_ORIGIN_AND_KEY_ANY);
  encoding.writeVarUint(e, client); // left origin: the previous value
  encoding.writeVarUint(e, clock - 1);
  encoding.writeVarUint(e, 1); // ContentAny of one value
  encoding.writeUint8(e, ANY_STRING);
  encoding.writeVarString(e, text);
  encoding.writeVarUint(e, 1); // delete set of one client
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range: the previous value
  encoding.writeVarUint(e, clock - 1);
  encoding.writeVarUint(e, 1);
  return encoding.toUint8Array(e);
}
