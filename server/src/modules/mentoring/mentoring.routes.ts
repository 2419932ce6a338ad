import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { requestLocale } from "../../http/locale";
import { createdView, errorBody, noContent, typed } from "../../http/route-types";
import { localiseReason } from "../credentials/reasons";
import { progressSchema } from "../label/label.schema";
import { callerOf } from "../policy/caller";
import { presentPairing, presentRequest, presentSummary } from "./mentoring.present";
import {
  draftsView,
  emptyBody,
  idParams,
  mentoringListView,
  mentoringRequestBody,
  messageBody,
  pairBody,
  pairingView,
  sharingBody,
} from "./mentoring.schema";
import { describePairing, endMentoring, listMentoring, pairMentor } from "./pairing.service";
import { requestMentor } from "./requests.service";
import { readMenteeDrafts, readMenteeProgress, setSharing } from "./sharing.service";
import { postMentoringMessage } from "./thread.service";

const tags = ["mentoring"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Mentoring (parrainage): pairings, the mentee's sharing choice, the shared thread. */
export function mentoringRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const pairingOf = async (caller: ReturnType<typeof callerOf>, id: string) =>
    presentPairing(await describePairing(ctx, { caller, id }));

  r.get(
    "/api/mentoring",
    {
      schema: {
        tags,
        summary: "Pairings and mentoring requests: every one for managers, else the reader's CFA's",
        response: { 200: mentoringListView, 401: errorBody },
      },
    },
    async (request) => {
      const { pairings, requests } = await listMentoring(ctx, request.principal);
      return { pairings: pairings.map(presentSummary), requests: requests.map(presentRequest) };
    },
  );
  r.post(
    "/api/mentoring/requests",
    {
      schema: {
        tags,
        summary: "A CFA asks for a mentor; a manager then pairs it",
        body: mentoringRequestBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const row = await requestMentor(ctx, { caller: callerOf(request), ...request.body });
      return reply.status(201).send({ id: row.id });
    },
  );
  r.post(
    "/api/mentoring/pairings",
    {
      schema: {
        tags,
        summary:
          "A manager pairs a mentee CFA with a mentor CFA (not of its organisation or group), for a year by default",
        body: pairBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const row = await pairMentor(ctx, { caller: callerOf(request), input: request.body });
      return reply.status(201).send({ id: row.id });
    },
  );
  r.get(
    "/api/mentoring/pairings/:id",
    {
      schema: {
        tags,
        summary: "A pairing: both sides, its dates and status, what the mentee shares, its thread",
        params: idParams,
        response: { 200: pairingView, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => pairingOf(callerOf(request), request.params.id),
  );
  r.put(
    "/api/mentoring/pairings/:id/sharing",
    {
      schema: {
        tags,
        summary: "The mentee chooses what its mentor may see: its label progress, its drafts",
        params: idParams,
        body: sharingBody,
        response: { 200: pairingView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await setSharing(ctx, { caller, id: request.params.id, choice: request.body });
      return pairingOf(caller, request.params.id);
    },
  );
  r.post(
    "/api/mentoring/pairings/:id/end",
    {
      schema: {
        tags,
        summary: "A manager ends a pairing before its term",
        params: idParams,
        body: emptyBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await endMentoring(ctx, { caller: callerOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/mentoring/pairings/:id/messages",
    {
      schema: {
        tags,
        summary: "A message in the pairing's thread; the other side is emailed",
        params: idParams,
        body: messageBody,
        response: { 200: pairingView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await postMentoringMessage(ctx, { caller, id: request.params.id, body: request.body.body });
      return pairingOf(caller, request.params.id);
    },
  );
  r.get(
    "/api/mentoring/pairings/:id/progress",
    {
      schema: {
        tags,
        summary:
          "The mentee's label-progress picture: for its staff, and for its mentor only while it shares it",
        params: idParams,
        response: { 200: progressSchema, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const progress = await readMenteeProgress(ctx, {
        caller: callerOf(request),
        id: request.params.id,
      });
      const reason = localiseReason(progress.label.suspensionReason, requestLocale(request));
      return { ...progress, label: { ...progress.label, suspensionReason: reason } };
    },
  );
  r.get(
    "/api/mentoring/pairings/:id/drafts",
    {
      schema: {
        tags,
        summary:
          "The mentee's application drafts, read-only: for its staff, and for its mentor only while it shares them",
        params: idParams,
        response: { 200: draftsView, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => ({
      drafts: await readMenteeDrafts(ctx, { caller: callerOf(request), id: request.params.id }),
    }),
  );
}
