import { useQuery } from "@tanstack/react-query";
import {
  fetchIssuer,
  fetchLaureates,
  fetchPassport,
  fetchStatistics,
  publicKeys,
} from "../../api/public";

export const usePassport = (slug: string) =>
  useQuery({
    queryKey: publicKeys.passport(slug),
    queryFn: () => fetchPassport(slug),
    retry: false,
  });

export const useLaureates = () =>
  useQuery({ queryKey: publicKeys.laureates(), queryFn: fetchLaureates });

export const useStatistics = () =>
  useQuery({ queryKey: publicKeys.statistics(), queryFn: fetchStatistics });

export const useIssuer = (slug: string) =>
  useQuery({ queryKey: publicKeys.issuer(slug), queryFn: () => fetchIssuer(slug), retry: false });
