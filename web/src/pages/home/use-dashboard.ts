import { useMutation, useQuery } from "@tanstack/react-query";
import { resendVerification } from "../../api/auth";
import { configKeys, fetchHealth } from "../../api/config";
import { request } from "../../api/http";
import { hasRole, useMe } from "../../components/hooks";

/** The signed-in user's home: who they are, and what their roles let them see. */
export function useDashboard() {
  const { data: me, isPending } = useMe();
  const isManager = hasRole(me, "programme_manager");
  const isAdmin = hasRole(me, "platform_admin");
  const isReviewer = hasRole(me, "reviewer");
  // The organisations' own module (pages/organisations) owns this call; the key is shared with it.
  const orgs = useQuery({
    queryKey: ["organisations", "all"],
    queryFn: () => request("get", "/api/organisations"),
    enabled: isManager,
  });
  const health = useQuery({
    queryKey: configKeys.health(),
    queryFn: fetchHealth,
    enabled: isAdmin,
  });
  const resend = useMutation({ mutationFn: resendVerification });
  return { me, isPending, isManager, isAdmin, isReviewer, orgs, health, resend };
}
