import { useTranslation } from "react-i18next";
import type { Pairing } from "../../api/mentoring";
import { Card } from "../../components/Card";
import { BadgeTiles } from "../label/BadgeTiles";
import { Rings } from "../label/Rings";
import { useSharedProgress } from "./use-mentoring";

/** The mentee's label-progress picture, when it shares it; otherwise it says so. */
export function SharedProgress({ pairing }: { pairing: Pairing }) {
  const { t } = useTranslation();
  const progress = useSharedProgress(pairing.id, pairing.can.readProgress);
  return (
    <Card as="section" aria-labelledby="shared-progress-title">
      <h2 id="shared-progress-title">{t("mentoring.progressTitle")}</h2>
      {!pairing.can.readProgress ? (
        <p className="muted">{t("mentoring.progressNotShared", { mentee: pairing.mentee.name })}</p>
      ) : progress.data ? (
        <>
          <Rings progress={progress.data} />
          <BadgeTiles badges={progress.data.badges} />
        </>
      ) : (
        <p>{t("common.loading")}</p>
      )}
    </Card>
  );
}
