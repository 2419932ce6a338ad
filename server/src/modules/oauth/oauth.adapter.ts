import type { Adapter, AdapterPayload } from "oidc-provider";
import type { Db } from "../../db/client";
import {
  consumeOauthModel,
  deleteExpiredOauthModels,
  destroyOauthGrant,
  destroyOauthModel,
  findOauthModel,
  type OauthModelRow,
  upsertOauthModel,
} from "./oauth.repo";

const payloadOf = (row: OauthModelRow | undefined): AdapterPayload | undefined =>
  row
    ? {
        ...(row.payload as AdapterPayload),
        ...(row.consumedAt ? { consumed: Math.floor(row.consumedAt.getTime() / 1000) } : {}),
      }
    : undefined;

/**
 * oidc-provider's storage on PostgreSQL: one adapter per model name (Client,
 * Grant, AuthorizationCode, AccessToken, RefreshToken, Session, Interaction...),
 * all in oauth_models, the SQL in oauth.repo.ts.
 */
export function oauthAdapterFor(db: Db) {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
      await upsertOauthModel(db, {
        kind: this.kind,
        id,
        payload: payload as Record<string, unknown>,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      });
      // Now and then, the expired codes, tokens and sessions go (as rate-limit buckets do).
      if (Math.random() < 0.01) await deleteExpiredOauthModels(db);
    }

    async find(id: string) {
      return payloadOf(await findOauthModel(db, { kind: this.kind, id }));
    }

    async findByUid(uid: string) {
      return payloadOf(await findOauthModel(db, { kind: this.kind, uid }));
    }

    async findByUserCode(userCode: string) {
      return payloadOf(await findOauthModel(db, { kind: this.kind, userCode }));
    }

    async consume(id: string) {
      await consumeOauthModel(db, this.kind, id);
    }

    async destroy(id: string) {
      await destroyOauthModel(db, this.kind, id);
    }

    async revokeByGrantId(grantId: string) {
      await destroyOauthGrant(db, grantId);
    }
  };
}
