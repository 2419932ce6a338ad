import { useTranslation } from "react-i18next";
import type { Pairing } from "../../api/mentoring";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { FormError, Notice } from "../../components/forms";
import { useSetSharing } from "./use-mentoring";

/** The mentee chooses, at any time, what its mentor may see. */
export function SharingForm({ pairing }: { pairing: Pairing }) {
  const { t } = useTranslation();
  const share = useSetSharing(pairing.id);
  return (
    <Card as="section" aria-labelledby="sharing-title">
      <h2 id="sharing-title">{t("mentoring.sharingTitle")}</h2>
      <form
        key={`${pairing.sharing.progress}-${pairing.sharing.drafts}`}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          share.mutate({ progress: data.has("progress"), drafts: data.has("drafts") });
        }}
      >
        <fieldset>
          <legend>{t("mentoring.sharingLegend", { mentor: pairing.mentor.name })}</legend>
          <Checkbox
            name="progress"
            label={t("mentoring.shareProgress")}
            defaultChecked={pairing.sharing.progress}
          />
          <Checkbox
            name="drafts"
            label={t("mentoring.shareDrafts")}
            defaultChecked={pairing.sharing.drafts}
          />
        </fieldset>
        <FormError error={share.error} />
        {share.isSuccess ? <Notice>{t("mentoring.sharingSaved")}</Notice> : null}
        <Button type="submit" disabled={share.isPending}>
          {t("mentoring.saveSharing")}
        </Button>
      </form>
    </Card>
  );
}
