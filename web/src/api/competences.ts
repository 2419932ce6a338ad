/** The regional competences a partner badge may be mapped to. */
import { type ResponseOf, request } from "./http";

export type CompetenceTarget = ResponseOf<"/api/competences/targets">["targets"][number];

export const competenceKeys = {
  targets: () => ["competence-targets"] as const,
};

export const fetchCompetenceTargets = () => request("get", "/api/competences/targets");
