import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchIssuedBadges, type IssuedQuery } from "../../api/credentials";
import { useListQuery } from "../../components/use-list-query";

const filters = ["q", "programme", "state", "badgeId", "organisationId"] as const;
const sorts = ["issued", "badge", "holder", "validUntil"] as const;

/** The issued badges list's query, in the URL, and its page from the server. */
export function useIssuedBadges() {
  const list = useListQuery({ filters, sorts, defaultSort: "issued" });
  const query = list.query as IssuedQuery;
  const page = useQuery({
    queryKey: ["issued-badges", query],
    queryFn: () => fetchIssuedBadges(query),
    placeholderData: keepPreviousData,
  });
  return { query, update: list.update, page };
}
