import { useQuery } from "@tanstack/react-query";
import {
  catalogueKeys,
  fetchHistory,
  fetchProgrammeBadges,
  fetchPublicBadge,
  fetchSessions,
} from "../../api/catalogue";

export function useProgrammeCatalogue(slug: string) {
  return useQuery({
    queryKey: catalogueKeys.programme(slug),
    queryFn: () => fetchProgrammeBadges(slug),
  });
}

export function useSessions(slug: string) {
  return useQuery({ queryKey: catalogueKeys.sessions(slug), queryFn: () => fetchSessions(slug) });
}

export function usePublicBadge(id: string) {
  return useQuery({
    queryKey: catalogueKeys.badge(id),
    queryFn: () => fetchPublicBadge(id),
    retry: false,
  });
}

export function useHistory(slug: string) {
  return useQuery({
    queryKey: catalogueKeys.history(slug),
    queryFn: () => fetchHistory(slug),
    retry: false,
  });
}
