/** Endorsements: managers invite, endorsers sign on Blason or upload, either withdraws. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type Endorsement = ResponseOf<"/api/endorsements">["endorsements"][number];

export const endorsementKeys = {
  all: () => ["endorsements"] as const,
  invitation: (token: string) => ["endorsements", "invitation", token] as const,
};

export const fetchEndorsements = () => request("get", "/api/endorsements");
export const signEndorsement = (id: string, statement: string) =>
  request("post", "/api/endorsements/{id}/sign", { path: { id }, body: { statement } });
export const withdrawEndorsement = (id: string) =>
  request("post", "/api/endorsements/{id}/withdraw", { path: { id }, body: {} });
export const fetchInvitation = (token: string) =>
  request("get", "/api/endorsement-invitations/{token}", { path: { token } });
export const uploadEndorsement = (token: string, document: Record<string, unknown>) =>
  request("post", "/api/endorsement-invitations/{token}/upload", {
    path: { token },
    body: { document },
  });

export type NewEndorsement = BodyOf<"/api/endorsements", "post">;
export const inviteEndorser = (body: NewEndorsement) =>
  request("post", "/api/endorsements", { body });
