import type { Operation, SpaceRef } from '../../contract/resolvers';
import type { SecretHash } from '../../core/secret-hash';
import type { AdminCut, PreviousSecret, TokenRecord, TreeRoot } from '../../core/token';

/** Stored shape: entities index scalars only, and 0 stands for "not revoked" (no nulls in indexes). */
export interface TokenEntity {
  ownerAccountId: string;
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number;
  spaces: SpaceRef[];
  operations: Operation[];
  secretHash: SecretHash;
  hint: string;
  version: number;
  /** Absent on tokens stored before allowlists, page trees and rotation existed. */
  allowedIps?: string[];
  pages?: TreeRoot[];
  previousSecret?: PreviousSecret | null;
  /** Absent on tokens no admin has cut. */
  adminCuts?: AdminCut[];
}

export interface GrantEntity {
  tokenId: string;
  spaceKey: string;
  createdAt: number;
}

export function toEntity({ id: _id, revokedAt, ...token }: TokenRecord): TokenEntity {
  return { ...token, revokedAt: revokedAt ?? 0 };
}

export function fromEntity(id: string, { revokedAt, allowedIps, pages, previousSecret, adminCuts, ...entity }: TokenEntity): TokenRecord {
  return {
    id,
    ...entity,
    revokedAt: revokedAt === 0 ? null : revokedAt,
    allowedIps: allowedIps ?? [],
    pages: pages ?? [],
    previousSecret: previousSecret ?? null,
    adminCuts: adminCuts ?? [],
  };
}

export const grantKey = (tokenId: string, space: SpaceRef) => `${tokenId}:${space.id}`;
