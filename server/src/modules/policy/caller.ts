import type { FastifyRequest } from "fastify";
import { requireUser } from "../../http/session";
import { actorOf } from "../audit/actor";
import type { Caller } from "./policy";

/** The signed-in user behind a request, as services take them; refuses an anonymous request. */
export function callerOf(request: FastifyRequest): Caller {
  return { principal: request.principal, actor: actorOf(requireUser(request)) };
}
