import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { competenceKeys, fetchCompetenceTargets } from "../../api/competences";
import type { Registration } from "../../api/partners";

/** The regional competences and levels a partner badge may aim at. */
export const useTargets = () =>
  useQuery({
    queryKey: competenceKeys.targets(),
    queryFn: fetchCompetenceTargets,
    staleTime: 5 * 60_000,
  });

/** A registration's target or the region's proposal: both name a competence, a level and an equivalence. */
type TargetRef = Pick<Registration["target"], "family" | "level" | "equivalence">;

/** "Communiquer, niveau I — Je pratique (3 pour 1)": a target as people read it. */
export function useTargetText() {
  const { t } = useTranslation();
  const targets = useTargets();
  return (x: TargetRef) => {
    const name =
      targets.data?.targets.find((g) => g.family === x.family && g.level === x.level)?.name ??
      `${x.family} ${x.level}`;
    return `${name} (${t(`partner.equivalence.${x.equivalence}`)})`;
  };
}
