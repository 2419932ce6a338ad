import { useTranslation } from "react-i18next";
import type { Endorsement } from "../../api/endorsements";
import { Button } from "../../components/Button";
import { Chip } from "../../components/Chip";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError } from "../../components/forms";
import { SignForm } from "./SignForm";
import { useWithdrawEndorsement } from "./use-endorsements";

const TONE = { invited: "warning", published: "ok", withdrawn: "plain" } as const;

/** One endorsement: what it endorses, who, its state; the endorser signs it, either side withdraws it. */
export function EndorsementCard({
  endorsement: e,
  canSign,
  canWithdraw,
}: {
  endorsement: Endorsement;
  canSign: boolean;
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawEndorsement(e.id);
  const { ask, dialog } = useConfirmDialog();
  return (
    <li className="card">
      <h3>{e.endorsed.name}</h3>
      <p>
        <Chip tone={TONE[e.state]}>{t(`endorsements.state.${e.state}`)}</Chip>
      </p>
      <dl className="facts">
        <dt>{t("endorsements.endorser")}</dt>
        <dd>{e.endorser.name}</dd>
        <dt>{t("endorsements.endorsed")}</dt>
        <dd>{e.endorsed.description}</dd>
        {e.statement ? (
          <>
            <dt>{t("endorsements.statement")}</dt>
            <dd>
              <blockquote>{e.statement}</blockquote>
            </dd>
          </>
        ) : null}
      </dl>
      {e.state !== "invited" ? (
        <p>
          <a href={e.url}>{t("endorsements.signedLink", { endorser: e.endorser.name })}</a>
        </p>
      ) : null}
      {e.state === "invited" && canSign ? <SignForm endorsement={e} /> : null}
      {e.state === "published" && canWithdraw ? (
        <>
          <FormError error={withdraw.error} />
          <Button
            variant="secondary"
            disabled={withdraw.isPending}
            onClick={() =>
              ask(
                {
                  title: t("endorsements.withdraw"),
                  children: t("endorsements.withdrawConfirm"),
                  confirmLabel: t("endorsements.withdraw"),
                  danger: true,
                },
                () => withdraw.mutate(),
              )
            }
          >
            {t("endorsements.withdraw")}
            <span className="visually-hidden"> — {e.endorsed.name}</span>
          </Button>
          {dialog}
        </>
      ) : null}
    </li>
  );
}
