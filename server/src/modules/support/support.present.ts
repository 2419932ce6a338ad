import type { LoadedRequest } from "./support.access";
import type { listSupportMessages } from "./support.repo";
import type { SupportSide } from "./support.rules";
import type { SupportRequestView } from "./support.schema";

type RequestRowOf = LoadedRequest & { side: SupportSide };
type MessageRowOf = Awaited<ReturnType<typeof listSupportMessages>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentRequest(row: RequestRowOf): SupportRequestView {
  const { request, asker, adviser, side } = row;
  return {
    id: request.id,
    organisation: { id: asker.id, name: asker.name },
    adviser: adviser ? { id: adviser.id, name: adviser.name } : null,
    badges: request.badges,
    themes: request.themes,
    question: request.question,
    state: request.state,
    meeting: request.meeting,
    feedback: request.feedback,
    firstAnsweredAt: iso(request.firstAnsweredAt),
    closedAt: iso(request.closedAt),
    createdAt: request.createdAt.toISOString(),
    side,
  };
}

export const presentMessage = (m: MessageRowOf) => ({
  id: m.id,
  authorName: m.authorName,
  authorRole: m.authorRole as "asker" | "adviser" | "manager",
  body: m.body,
  createdAt: m.createdAt.toISOString(),
});
