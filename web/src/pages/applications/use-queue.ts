import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { fetchApplicationQueue, type QueueQuery } from "../../api/applications";
import { catalogueKeys, fetchProgrammeBadges, fetchSessions } from "../../api/catalogue";

const filterNames = ["q", "programme", "state", "sessionId", "badgeId", "organisationId"] as const;
const sorts = ["updated", "submitted", "badge", "organisation", "state", "commission"] as const;
type QueueSort = (typeof sorts)[number];

/**
 * The queue's query lives in the URL (a filtered list is a link to share):
 * read it from the search parameters, write every change back to them.
 */
export function useQueueQuery() {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get("sort") as QueueSort | null;
  const query: QueueQuery = {
    ...Object.fromEntries(
      filterNames.flatMap((name) => {
        const value = params.get(name);
        return value ? [[name, value]] : [];
      }),
    ),
    sort: sortParam && sorts.includes(sortParam) ? sortParam : "updated",
    direction: params.get("direction") === "asc" ? "asc" : "desc",
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: 25,
  };
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes))
      if (value) next.set(name, value);
      else next.delete(name);
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  return { query, update };
}

export function useApplicationQueue(query: QueueQuery) {
  return useQuery({
    queryKey: ["application-queue", query],
    queryFn: () => fetchApplicationQueue(query),
    placeholderData: keepPreviousData,
  });
}

/** The sessions and badges a manager filters on, for the programme chosen. */
export function useQueueChoices(programme: string) {
  const sessions = useQuery({
    queryKey: catalogueKeys.sessions(programme),
    queryFn: () => fetchSessions(programme),
  });
  const badges = useQuery({
    queryKey: catalogueKeys.programme(programme),
    queryFn: () => fetchProgrammeBadges(programme),
  });
  return { sessions: sessions.data?.sessions ?? [], badges: badges.data?.badges ?? [] };
}
