import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, endpoints, type Me } from "../api/client";

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await endpoints.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 30_000,
  });
}

export function useConfig() {
  return useQuery({
    queryKey: ["config"],
    queryFn: endpoints.config,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Sets the document title: "Page — Blason". */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t("app.name")}`;
  }, [title, t]);
}

export function hasRole(me: Me | null | undefined, role: Me["user"]["platformRoles"][number]) {
  return !!me?.user.platformRoles.includes(role);
}
