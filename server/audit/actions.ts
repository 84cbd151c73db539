/**
 * The closed list of workspace audit actions (DESIGN "Audit and exports": membership and
 * role changes, invitations, share links, versions, restores, exports, deletions). One
 * `as const` object so callers, the store and the client name them the same way.
 */
export const AuditAction = {
  MemberAdded: 'member.added',
  MemberRoleChanged: 'member.role-changed',
  MemberRemoved: 'member.removed',
  InvitationCreated: 'invitation.created',
  InvitationRevoked: 'invitation.revoked',
  InvitationAccepted: 'invitation.accepted',
  ShareLinkCreated: 'share-link.created',
  ShareLinkRevoked: 'share-link.revoked',
  VersionCreated: 'version.created',
  VersionRestored: 'version.restored',
  DocumentExported: 'document.exported',
  WorkspaceExported: 'workspace.exported',
  DocumentRenamed: 'document.renamed',
  DocumentDuplicated: 'document.duplicated',
  DocumentArchived: 'document.archived',
  DocumentUnarchived: 'document.unarchived',
  DocumentDeleted: 'document.deleted',
  DocumentUndeleted: 'document.undeleted',
  DocumentPurged: 'document.purged',
} as const;

export type AuditActionName = (typeof AuditAction)[keyof typeof AuditAction];

/** What an entry is about: a document, member, invitation, share link, version or the workspace. */
export type AuditTargetType = 'workspace' | 'document' | 'member' | 'invitation' | 'share-link' | 'version';

export interface AuditTarget {
  type: AuditTargetType;
  id: string;
  /**
   * A human label at the time (a title, a link's label), kept so a later rename or deletion
   * does not blank it. For `member` and `invitation` targets it is ignored: a person's name or
   * address is read when the log is listed, never stored in it (see store.ts).
   */
  label?: string | null;
}
