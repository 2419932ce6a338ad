import { z } from "zod";
import { ideaStates } from "../../db/schema";
import { uuidParam } from "../../http/route-types";
import { line, text } from "../../http/text";

export const ideaView = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  state: z.enum(ideaStates),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  badgeClassId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type IdeaView = z.infer<typeof ideaView>;
export const ideasView = z.object({ ideas: z.array(ideaView) });

export const idParams = z.object({ id: uuidParam });

export const proposalBody = z
  .object({
    title: line().trim().min(3).max(120),
    description: text().trim().min(10).max(4000),
  })
  .strict();
export type ProposalBody = z.infer<typeof proposalBody>;

export const answerBody = z
  .object({
    outcome: z.enum(["answered", "declined", "adopted"]),
    answer: text().trim().min(3).max(4000),
  })
  .strict();
export type AnswerBody = z.infer<typeof answerBody>;
