import { z } from "zod";
import { errorBody, uuidParam } from "../../http/route-types";
import { line } from "../../http/text";

export const apiClientErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
};
export const organisationParams = z.object({ id: uuidParam });
export const apiClientParams = z.object({ id: uuidParam, clientId: uuidParam });

export const clientView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const clientsReply = z.object({ clients: z.array(clientView) });
export const createClientBody = z.object({ name: line().trim().min(2).max(120) }).strict();
export const createdClientReply = clientView.extend({ secret: z.string() });
export const revokeClientBody = z.object({}).strict();
