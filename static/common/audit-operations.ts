import type { Operation } from '../../src/contract/resolvers';

export type AuditOperation = Operation | 'self' | 'rotate';

/** What a request did, as the logs name it; `self` is a script checking its own token. */
export const AUDIT_OPERATION_LABELS: Record<AuditOperation, string> = {
  read: 'Read',
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  self: 'Token check',
  rotate: 'Rotation',
};

export function describeOperation(operation: AuditOperation | null): string {
  return operation === null ? 'Unknown route' : AUDIT_OPERATION_LABELS[operation];
}
