import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { authKeys, fetchMeOrNull, type Me } from "../api/auth";
import { configKeys, fetchConfig } from "../api/config";

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: authKeys.me(),
    queryFn: fetchMeOrNull,
    staleTime: 30_000,
  });
}

export function useConfig() {
  return useQuery({
    queryKey: configKeys.config(),
    queryFn: fetchConfig,
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
