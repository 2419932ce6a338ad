import { useMutation, useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import {
  applicationKeys,
  createApplication,
  fetchApplications,
  fetchHeldCredentials,
  type NewApplicationBody,
} from "../../api/applications";
import { catalogueKeys, fetchProgrammeBadges } from "../../api/catalogue";
import { hasRole, useMe } from "../../components/hooks";

/**
 * The applications a user sees at /demandes: a CFA member its CFA's, staff
 * (managers, reviewers) every one they may read.
 */
export function useApplicationList() {
  const me = useMe();
  const manager = hasRole(me.data, "programme_manager");
  const cfa = me.data?.memberships.find((m) => m.organisation.kind === "cfa")?.organisation;
  const own = cfa && !manager ? cfa : undefined;
  const list = useQuery({
    queryKey: applicationKeys.list(cfa?.id ?? "staff"),
    queryFn: () => fetchApplications(own ? { organisationId: own.id } : {}),
    // Managers read the queue, paged on the server (use-queue.ts).
    enabled: !!me.data && !manager,
  });
  return { me, list, manager, cfa: own };
}

/** A reviewer's assignments. */
export function useReviewerAssignments() {
  return useQuery({
    queryKey: applicationKeys.mine(),
    queryFn: () => fetchApplications({ mine: "true" }),
  });
}

/** The label's badges to choose from, and the draft creation that opens the new application. */
export function useNewApplication(organisationId: string) {
  const navigate = useNavigate();
  const badges = useQuery({
    queryKey: catalogueKeys.programme("label-cfa"),
    queryFn: () => fetchProgrammeBadges("label-cfa"),
  });
  const create = useMutation({
    mutationFn: (body: Omit<NewApplicationBody, "organisationId">) =>
      createApplication({ organisationId, ...body }),
    onSuccess: (created) => navigate(`/demandes/${created.id}`),
  });
  return { badges, create };
}

/** The organisation's credentials, to say until when it holds a badge it applies for again. */
export function useHeldCredentials(organisationId: string) {
  return useQuery({
    queryKey: applicationKeys.heldCredentials(organisationId),
    queryFn: () => fetchHeldCredentials(organisationId),
  });
}
