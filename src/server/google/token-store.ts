import { and, eq } from "drizzle-orm";
import type { Ctx } from "../context";
import { appEncryptor } from "../crypto/app-crypto";
import { userIntegrations } from "../db/schema/sync";
import { withUser } from "../db/with-user";
import type { TokenService } from "./scopes";

export type StoredTokens = {
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: Date | null;
  grantedScopes: string[];
  status: "connected" | "needs_reconnect";
  accountEmail: string | null;
  cursor: string | null;
};

export type TokenUpdate = {
  accessToken: string;
  refreshToken?: string | null;
  expiresAt: Date | null;
  grantedScopes?: string[];
  accountEmail?: string | null;
};

const enc = () => appEncryptor();

export async function loadTokens(ctx: Ctx, service: TokenService): Promise<StoredTokens | null> {
  const row = await withUser(
    ctx,
    async (tx) =>
      (
        await tx
          .select()
          .from(userIntegrations)
          .where(
            and(
              eq(userIntegrations.userId, ctx.userId),
              eq(userIntegrations.provider, "google"),
              eq(userIntegrations.service, service),
            ),
          )
      )[0],
  );
  if (!row) return null;
  return {
    accessToken: row.accessTokenEnc ? enc().decrypt(row.accessTokenEnc, "tokens") : null,
    refreshToken: row.refreshTokenEnc ? enc().decrypt(row.refreshTokenEnc, "tokens") : null,
    expiresAt: row.expiresAt,
    grantedScopes: row.grantedScopes,
    status: row.status,
    accountEmail: row.accountEmail,
    cursor: row.cursor,
  };
}

/**
 * Upserts tokens, encrypted. Google only returns a refresh token on first consent (or
 * with prompt=consent), so a missing one keeps the stored one. A fresh grant clears
 * "needs reconnect" and the last error.
 */
export async function saveTokens(ctx: Ctx, service: TokenService, t: TokenUpdate): Promise<void> {
  const accessTokenEnc = enc().encrypt(t.accessToken, "tokens");
  const refreshTokenEnc = t.refreshToken ? enc().encrypt(t.refreshToken, "tokens") : undefined;
  await withUser(ctx, (tx) =>
    tx
      .insert(userIntegrations)
      .values({
        userId: ctx.userId,
        provider: "google",
        service,
        accessTokenEnc,
        refreshTokenEnc: refreshTokenEnc ?? null,
        expiresAt: t.expiresAt,
        grantedScopes: t.grantedScopes ?? [],
        accountEmail: t.accountEmail ?? null,
      })
      .onConflictDoUpdate({
        target: [userIntegrations.userId, userIntegrations.provider, userIntegrations.service],
        set: {
          accessTokenEnc,
          ...(refreshTokenEnc ? { refreshTokenEnc } : {}),
          expiresAt: t.expiresAt,
          ...(t.grantedScopes ? { grantedScopes: t.grantedScopes } : {}),
          ...(t.accountEmail ? { accountEmail: t.accountEmail } : {}),
          status: "connected",
          lastError: null,
          updatedAt: new Date(),
        },
      }),
  );
}

export async function updateIntegration(
  ctx: Ctx,
  service: TokenService,
  set: Partial<{
    status: "connected" | "needs_reconnect";
    lastError: string | null;
    cursor: string | null;
    lastSyncAt: Date;
    accountEmail: string;
  }>,
): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .update(userIntegrations)
      .set({ ...set, updatedAt: new Date() })
      .where(
        and(
          eq(userIntegrations.userId, ctx.userId),
          eq(userIntegrations.provider, "google"),
          eq(userIntegrations.service, service),
        ),
      ),
  );
}

export async function deleteTokens(ctx: Ctx, service: TokenService): Promise<void> {
  await withUser(ctx, (tx) =>
    tx
      .delete(userIntegrations)
      .where(
        and(
          eq(userIntegrations.userId, ctx.userId),
          eq(userIntegrations.provider, "google"),
          eq(userIntegrations.service, service),
        ),
      ),
  );
}
