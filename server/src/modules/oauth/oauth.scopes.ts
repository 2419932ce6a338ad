/** The four scopes of Open Badges 3.0 (section 6.3 of the specification). */
export const OB3_SCOPES = {
  credentialRead: "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly",
  credentialUpsert: "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert",
  profileRead: "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly",
  profileUpdate: "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update",
} as const;

export type Ob3Scope = (typeof OB3_SCOPES)[keyof typeof OB3_SCOPES];

/** A partner's system pushing badges with the client-credentials grant. */
export const PARTNER_PUSH_SCOPE = "blason:partner-badges.push";

export const ALL_SCOPES = [...Object.values(OB3_SCOPES), "offline_access", PARTNER_PUSH_SCOPE];
