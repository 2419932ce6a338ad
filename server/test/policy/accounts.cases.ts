import { insertAuthToken } from "../../src/modules/auth/auth.repo";
import { buildUser, PASSWORD } from "../support/factories";
import type { World } from "../support/world";
import { type Cases, everyone, signedIn } from "./matrix";

const someone = () => `someone-${Math.random().toString(36).slice(2)}@test.example`;

/** A token of `purpose` for a new user, good for five minutes. */
async function tokenFor(w: World, purpose: "magic_link" | "password_reset" | "email_verification") {
  const user = await buildUser(w.platform.ctx);
  return insertAuthToken(w.platform.ctx.db, { userId: user.id, purpose, minutes: 5 });
}

/** Signing in and out, and one's own account. */
export const accountCases: Cases = {
  "GET /api/auth/csrf": { expect: everyone(200) },
  "GET /api/me": { expect: signedIn(200) },
  "PATCH /api/me": { request: () => ({ body: { locale: "fr" } }), expect: signedIn(200) },
  "POST /api/me/password": {
    request: () => ({ body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    expect: signedIn(204),
  },
  "GET /api/me/sessions": { expect: signedIn(200) },
  "POST /api/auth/sign-in": {
    request: async (w) => {
      const user = await buildUser(w.platform.ctx);
      return { body: { email: user.email, password: PASSWORD } };
    },
    expect: everyone(200),
  },
  "POST /api/auth/magic-link": {
    request: () => ({ body: { email: someone() } }),
    expect: everyone(202),
  },
  "POST /api/auth/magic-link/consume": {
    request: async (w) => ({ body: { token: await tokenFor(w, "magic_link") } }),
    expect: everyone(200),
  },
  "POST /api/auth/sign-out": { expect: everyone(204) },
  "POST /api/auth/sign-out-everywhere": { expect: signedIn(204) },
  "POST /api/auth/password-reset": {
    request: () => ({ body: { email: someone() } }),
    expect: everyone(202),
  },
  "POST /api/auth/password-reset/complete": {
    request: async (w) => ({
      body: { token: await tokenFor(w, "password_reset"), password: "a long new passphrase" },
    }),
    expect: everyone(204),
  },
  "POST /api/auth/verify-email": {
    request: async (w) => ({ body: { token: await tokenFor(w, "email_verification") } }),
    expect: everyone(204),
  },
  "POST /api/auth/verify-email/resend": { expect: signedIn(202) },
  "POST /api/me/passport": { request: () => ({ body: { public: false } }), expect: signedIn(204) },
  "GET /api/me/export": { expect: signedIn(200) },
  // Confirmed with another address: refused for everyone, so that no account goes.
  "POST /api/me/delete": {
    request: () => ({ body: { confirm: "pas-la-bonne-adresse@exemple.fr" } }),
    expect: signedIn(400),
  },
};
