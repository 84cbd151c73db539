/** Why an update is refused: the socket is closed with 1008 and nothing is applied. */
export class RefusedUpdate extends Error {}
/** The bytes are not a Yjs update: the socket is closed with 1007. */
export class MalformedUpdate extends Error {}
