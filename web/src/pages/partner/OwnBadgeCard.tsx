import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import type { OwnBadge } from "../../api/partners";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Field, FormError, formValues, Notice } from "../../components/forms";
import { AwardHolders } from "./AwardHolders";
import { BatchProgress } from "./BatchProgress";
import { useAwards } from "./use-own-badges";

/** One of the partner's badges: award it to one person or to a CSV file of them, see its holders. */
export function OwnBadgeCard({ orgId, badge }: { orgId: string; badge: OwnBadge }) {
  const { t } = useTranslation();
  const { awards, award, upload, revoke, batch } = useAwards(orgId, badge.id);
  const fileId = useId();
  return (
    <Card as="li">
      <div className="badge-row">
        <img src={sameOriginPath(badge.image)} alt="" width={64} height={64} />
        <div>
          <h3>
            <Link to={sameOriginPath(badge.url)}>{badge.name}</Link>
          </h3>
          <p className="muted">
            {t("partner.awarded", { count: badge.awarded })} ·{" "}
            {t("partner.validity", { count: badge.validityMonths })}
          </p>
        </div>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const v = formValues(form);
          award.mutate(
            { email: v.email ?? "", name: v.name ?? "" },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <h4>{t("partner.awardOne")}</h4>
        <FormError error={award.error} />
        {award.isSuccess ? (
          <Notice>
            {award.data.created ? t("partner.awardedOk") : t("partner.awardedAlready")}
          </Notice>
        ) : null}
        <Field label={t("partner.email")} name="email" type="email" required />
        <Field label={t("partner.personName")} name="name" required maxLength={200} />
        <Button type="submit" disabled={award.isPending}>
          {t("partner.award")}
          <span className="visually-hidden"> — {badge.name}</span>
        </Button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("csv") as HTMLInputElement;
          const file = input.files?.[0];
          if (file) upload.mutate(file);
        }}
      >
        <h4>{t("partner.awardCsv")}</h4>
        <FormError error={upload.error} />
        <div className="field">
          <label htmlFor={fileId}>{t("partner.csvFile")}</label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {t("partner.csvHint")}
          </p>
          <input
            id={fileId}
            name="csv"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-describedby={`${fileId}-hint`}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={upload.isPending}>
          {t("partner.sendCsv")}
          <span className="visually-hidden"> — {badge.name}</span>
        </Button>
      </form>
      {batch ? <BatchProgress orgId={orgId} badgeId={badge.id} batch={batch} /> : null}
      {awards.data?.awards.length ? (
        <AwardHolders
          awards={awards.data.awards}
          error={revoke.error}
          onRevoke={(id, reason) => revoke.mutate({ id, reason })}
        />
      ) : null}
    </Card>
  );
}
