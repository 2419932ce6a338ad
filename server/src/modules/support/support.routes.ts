import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { createdView, errorBody, noContent, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import {
  acceptMeeting,
  closeRequest,
  counterMeeting,
  postSupportMessage,
  proposeMeeting,
  reassignRequest,
} from "./support.actions.service";
import { presentMessage, presentRequest } from "./support.present";
import {
  askForSupport,
  listAdvisers,
  listRequests,
  readRequest,
  readVolunteering,
  volunteer,
} from "./support.requests.service";
import {
  advisersView,
  askBody,
  closeBody,
  emptyBody,
  idParams,
  keyParams,
  meetingBody,
  messageBody,
  programmeTextBody,
  programmeTextsView,
  reassignBody,
  supportFiguresView,
  supportRequestDetailView,
  supportRequestsView,
  volunteerBody,
  volunteerView,
} from "./support.schema";
import { editProgrammeText, readProgrammeTexts, readSupportFigures } from "./support.texts.service";

const tags = ["support"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const done = { response: { 204: noContent, ...errors } };

/** CFAs ask peer adviser CFAs for help; managers oversee, reassign and edit the programme's texts. */
export function supportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/organisations/:id/support-adviser",
    {
      schema: {
        tags,
        summary: "Whether this CFA advises others, on what, and up to how many requests",
        params: idParams,
        response: { 200: volunteerView, ...errors },
      },
    },
    async (request) => ({
      adviser: await readVolunteering(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
      }),
    }),
  );
  r.put(
    "/api/organisations/:id/support-adviser",
    {
      schema: {
        tags,
        summary: "A CFA volunteers as an adviser (badges or themes, capacity), or stops",
        params: idParams,
        body: volunteerBody,
        ...done,
      },
    },
    async (request, reply) => {
      await volunteer(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        input: request.body,
      });
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/organisations/:id/support-requests",
    {
      schema: {
        tags,
        summary: "A CFA asks for advice; the request goes to an available, unconflicted adviser",
        params: idParams,
        body: askBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const created = await askForSupport(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ id: created.id });
    },
  );
  r.get(
    "/api/support/requests",
    {
      schema: {
        tags,
        summary: "Requests for advice: those a CFA asked or advises on; every one for managers",
        response: { 200: supportRequestsView, 401: errorBody },
      },
    },
    async (request) => ({
      requests: (await listRequests(ctx, { caller: callerOf(request) })).map(presentRequest),
    }),
  );
  r.get(
    "/api/support/requests/:id",
    {
      schema: {
        tags,
        summary: "A request for advice with its thread",
        params: idParams,
        response: { 200: supportRequestDetailView, ...errors },
      },
    },
    async (request) => {
      const found = await readRequest(ctx, { caller: callerOf(request), id: request.params.id });
      return { request: presentRequest(found), messages: found.messages.map(presentMessage) };
    },
  );
  const act = <B>(
    path: string,
    summary: string,
    body: import("zod").ZodType<B>,
    run: (caller: ReturnType<typeof callerOf>, id: string, body: B) => Promise<void>,
  ) =>
    r.post(
      path,
      { schema: { tags, summary, params: idParams, body, ...done } },
      async (request, reply) => {
        await run(callerOf(request), request.params.id, request.body as B);
        return reply.status(204).send(null);
      },
    );
  act(
    "/api/support/requests/:id/messages",
    "Either side writes in the thread",
    messageBody,
    (caller, id, b) => postSupportMessage(ctx, { caller, id, body: b.body }),
  );
  act(
    "/api/support/requests/:id/meeting",
    "The adviser proposes a meeting",
    meetingBody,
    (caller, id, input) => proposeMeeting(ctx, { caller, id, input }),
  );
  act(
    "/api/support/requests/:id/meeting/counter",
    "The asking CFA proposes another date or place",
    meetingBody,
    (caller, id, input) => counterMeeting(ctx, { caller, id, input }),
  );
  act(
    "/api/support/requests/:id/meeting/accept",
    "The asking CFA accepts the proposal (or the adviser the counter-proposal)",
    emptyBody,
    (caller, id) => acceptMeeting(ctx, { caller, id }),
  );
  act(
    "/api/support/requests/:id/close",
    "The asking CFA closes the request with its feedback",
    closeBody,
    (caller, id, b) => closeRequest(ctx, { caller, id, feedback: b.feedback }),
  );
  act(
    "/api/support/requests/:id/reassign",
    "A manager gives the request to another adviser, never a conflicted one",
    reassignBody,
    (caller, id, b) =>
      reassignRequest(ctx, { caller, id, adviserOrganisationId: b.adviserOrganisationId }),
  );
  r.get(
    "/api/support/advisers",
    {
      schema: {
        tags,
        summary: "Every adviser with its load (managers)",
        response: { 200: advisersView, ...errors },
      },
    },
    async (request) => ({
      advisers: (await listAdvisers(ctx, { caller: callerOf(request) })).map((a) => ({
        ...a.adviser,
        name: a.name,
        openCount: a.openCount,
      })),
    }),
  );
  r.get(
    "/api/support/figures",
    {
      schema: {
        tags,
        summary: "Requests per month and median hours to the first answer (managers)",
        response: { 200: supportFiguresView, ...errors },
      },
    },
    async (request) => ({ months: await readSupportFigures(ctx, { caller: callerOf(request) }) }),
  );
  r.get(
    "/api/public/programme-texts",
    {
      schema: {
        tags,
        summary: "The programme's contacts and texts (the label's mailbox, the help pages)",
        response: { 200: programmeTextsView },
      },
    },
    async () => ({
      texts: (await readProgrammeTexts(ctx)).map(({ key, fr, en }) => ({ key, fr, en })),
    }),
  );
  r.put(
    "/api/programme-texts/:key",
    {
      schema: {
        tags,
        summary: "A manager edits one of the programme's texts",
        params: keyParams,
        body: programmeTextBody,
        ...done,
      },
    },
    async (request, reply) => {
      await editProgrammeText(ctx, {
        caller: callerOf(request),
        key: request.params.key,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
}
