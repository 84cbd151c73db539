/** Websocket close codes (DESIGN.md "Websocket"), with the reason sent along. */
export const CloseCode = {
  /** No valid session cookie or ticket. */
  Unauthorized: { code: 4401, reason: 'Unauthorized' },
  /**
   * A member whose role no longer allows the open socket (removed, lowered, archived), or a
   * share link used for another document. At the upgrade a non-member gets `NotFound`, as REST's 404.
   */
  Forbidden: { code: 4403, reason: 'Forbidden' },
  /** No such document. */
  NotFound: { code: 4404, reason: 'Not Found' },
  /** A message over MAX_MESSAGE_BYTES (sent by `ws` itself through `maxPayload`). */
  MessageTooLarge: { code: 1009, reason: 'Message Too Large' },
  /** A message that is not the y-websocket protocol, or a corrupt Yjs update. */
  InvalidMessage: { code: 1007, reason: 'Invalid Message' },
  /** The document could not be loaded; nothing was written. */
  LoadFailed: { code: 1011, reason: 'Document Load Failed' },
  /** An update or request the limits refuse (DESIGN "Limits every boundary enforces"). */
  PolicyViolation: { code: 1008, reason: 'Policy Violation' },
  /** The socket did not read what was sent to it; it may reconnect. */
  TryAgainLater: { code: 1013, reason: 'Try Again Later' },
  /** This process is restarting or draining (SIGTERM; DESIGN "Many processes"): reconnect, maybe elsewhere. */
  ServiceRestart: { code: 1012, reason: 'Service Restart' },
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The close for a socket whose document could not be joined: another process took the
 * document's lease meanwhile (503 `document.elsewhere`, many processes, docs/cluster.md) is a
 * move, not a fault — 1012, and the client reconnects (the balancer routes it to the owner);
 * anything else 1011.
 */
export function closeForJoinFailure(error: unknown): CloseCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'document.elsewhere' ? CloseCode.ServiceRestart : CloseCode.LoadFailed;
}
