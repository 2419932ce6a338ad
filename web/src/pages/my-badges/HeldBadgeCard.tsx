import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import type { HeldBadge } from "../../api/competences";
import { Chip } from "../../components/Chip";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError } from "../../components/forms";
import { type HeldBadgeAction, useHeldBadgeAction } from "./use-my-badges";

/** One badge the person holds: accept or decline it, show it on the passport or not. */
export function HeldBadgeCard({ badge: b }: { badge: HeldBadge }) {
  const { t } = useTranslation();
  const act = useHeldBadgeAction(b.credentialId);
  const confirm = useConfirmDialog();
  const button = (action: HeldBadgeAction, primary = false) => (
    <button
      type="button"
      className={`button${primary ? "" : " button--secondary"}`}
      disabled={act.isPending}
      onClick={() =>
        action === "decline"
          ? confirm.ask(
              {
                title: t("myBadges.declineConfirm"),
                confirmLabel: t("myBadges.do.decline"),
                danger: true,
              },
              () => act.mutate(action),
            )
          : act.mutate(action)
      }
    >
      {t(`myBadges.do.${action}`)}
      <span className="visually-hidden"> — {b.name}</span>
    </button>
  );
  return (
    <li className="badge-card">
      <Link to={sameOriginPath(b.url)} className="badge-card__link">
        <img src={sameOriginPath(b.image)} alt="" width={160} height={176} loading="lazy" />
        <span className="badge-card__name">{b.name}</span>
      </Link>
      <span className="muted">{b.issuer}</span>
      <Chip tone={b.status === "valid" ? "ok" : "danger"}>
        {t(`credential.status.${b.status as "valid"}`)}
      </Chip>
      <FormError error={act.error} />
      {b.status === "revoked" ? null : b.claimState === "pending" ? (
        <span className="links">
          {button("accept", true)}
          {button("decline")}
        </span>
      ) : b.claimState === "accepted" ? (
        <span className="links">
          <span className="muted">{b.shown ? t("myBadges.shown") : t("myBadges.hidden")}</span>
          {button(b.shown ? "hide" : "show")}
        </span>
      ) : null}
      {confirm.dialog}
    </li>
  );
}
