import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError, Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { MentoringThread } from "./MentoringThread";
import { SharedDrafts } from "./SharedDrafts";
import { SharedProgress } from "./SharedProgress";
import { SharingForm } from "./SharingForm";
import { StatusOf } from "./StatusOf";
import { useEndPairing, usePairing } from "./use-mentoring";

/** /parrainage/:id — a pairing: its dates, what the mentee shares (and the mentor sees), its thread. */
export function PairingPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = usePairing(id);
  const end = useEndPairing(id);
  const confirm = useConfirmDialog();
  usePageTitle(t("mentoring.pairingTitle"));
  if (!query.data) return <Unavailable query={query} title={t("mentoring.pairingTitle")} />;
  const p = query.data;
  return (
    <>
      <p>
        <Link to="/parrainage">{t("common.back")}</Link>
      </p>
      <h1>{t("mentoring.pairName", { mentee: p.mentee.name, mentor: p.mentor.name })}</h1>
      <p className="lead">
        <StatusOf status={p.status} />{" "}
        {t("mentoring.dates", {
          start: formatDate(p.startsAt, i18n.language),
          end: formatDate(p.endedAt ?? p.endsAt, i18n.language),
        })}
      </p>
      <p>{t(`mentoring.sides.${p.side}`, { mentee: p.mentee.name, mentor: p.mentor.name })}</p>
      {p.can.end ? (
        <>
          <FormError error={end.error} />
          <Button
            variant="secondary"
            disabled={end.isPending}
            onClick={() =>
              confirm.ask(
                {
                  title: t("mentoring.endConfirm", { mentee: p.mentee.name }),
                  confirmLabel: t("mentoring.end"),
                  danger: true,
                },
                () => end.mutate(null),
              )
            }
          >
            {t("mentoring.end")}
          </Button>
          {confirm.dialog}
        </>
      ) : null}
      {p.side === "mentee" && p.can.share ? <SharingForm pairing={p} /> : null}
      {p.side === "mentor" && p.status === "active" ? (
        <>
          <SharedProgress pairing={p} />
          <SharedDrafts pairing={p} />
        </>
      ) : null}
      <MentoringThread pairing={p} />
    </>
  );
}
