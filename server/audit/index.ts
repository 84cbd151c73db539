/** The workspace audit log: `recordAudit(...)` for every route that changes who may do what or what exists. */
export { AuditAction, type AuditActionName, type AuditTarget, type AuditTargetType } from './actions.js';
export { recordAudit, auditEntries, type AuditInput, type AuditEntry, type AuditDetails, type AuditQuery } from './store.js';
