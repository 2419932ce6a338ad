import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchApplicationQueue, type QueueQuery } from "../../api/applications";
import { catalogueKeys, fetchProgrammeBadges, fetchSessions } from "../../api/catalogue";
import { useListQuery } from "../../components/use-list-query";

const filters = ["q", "programme", "state", "sessionId", "badgeId", "organisationId"] as const;
const sorts = ["updated", "submitted", "badge", "organisation", "state", "commission"] as const;

/** The queue's query, kept in the URL. */
export function useQueueQuery() {
  const { query, update } = useListQuery({ filters, sorts, defaultSort: "updated" });
  return { query: query as QueueQuery, update };
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
