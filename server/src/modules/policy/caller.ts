import type { FastifyRequest } from "fastify";
import { requireUser } from "../../http/session";
import type { Caller } from "./policy";

/** The signed-in user behind a request, as services take them; refuses an anonymous request. */
export function callerOf(request: FastifyRequest): Caller {
  const user = requireUser(request);
  // The session hook sets both the user and their principal, or neither.
  return { principal: request.principal!, user };
}
