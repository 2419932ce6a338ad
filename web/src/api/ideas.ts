/** Badge ideas: CFAs propose badges the collection lacks, managers answer, decline or adopt them. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type Idea = ResponseOf<"/api/ideas">["ideas"][number];
export type IdeaAnswer = BodyOf<"/api/ideas/{id}/answer", "post">;
export type IdeaOutcome = IdeaAnswer["outcome"];
export type NewIdea = BodyOf<"/api/organisations/{id}/ideas", "post">;

export const ideaKeys = {
  all: () => ["ideas"] as const,
};

export const fetchIdeas = () => request("get", "/api/ideas");
export const proposeIdea = (organisationId: string, body: NewIdea) =>
  request("post", "/api/organisations/{id}/ideas", { path: { id: organisationId }, body });
export const answerIdea = (id: string, body: IdeaAnswer) =>
  request("post", "/api/ideas/{id}/answer", { path: { id }, body });
