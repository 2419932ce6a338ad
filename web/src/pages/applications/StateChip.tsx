import { useTranslation } from "react-i18next";
import type { ApplicationState } from "../../api/applications";
import { Chip, type ChipTone } from "../../components/Chip";

const stateTone: Record<ApplicationState, ChipTone> = {
  draft: "plain",
  submitted: "plain",
  under_review: "plain",
  revision_requested: "warning",
  granted: "ok",
  refused: "danger",
  withdrawn: "plain",
};

/** An application's state as a word in a chip (Brouillon, Déposée, …). */
export function StateChip({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return <Chip tone={stateTone[state]}>{t(`applications.states.${state}`)}</Chip>;
}
