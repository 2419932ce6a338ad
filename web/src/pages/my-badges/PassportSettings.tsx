import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import type { MyPassport } from "../../api/competences";
import { Button, buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { useDeleteAccount, usePassportToggle } from "./use-my-badges";

/** Open or close the public passport, download everything, leave. */
export function PassportSettings({ passport }: { passport: MyPassport }) {
  const { t } = useTranslation();
  const confirmId = useId();
  const toggle = usePassportToggle();
  const remove = useDeleteAccount();
  return (
    <Card as="section" aria-labelledby="passport-title">
      <h2 id="passport-title">{t("myBadges.passportTitle")}</h2>
      <p>{t("myBadges.passportIntro")}</p>
      <FormError error={toggle.error} />
      {passport?.public ? (
        <p>
          {t("myBadges.passportOpen")} <a href={sameOriginPath(passport.url)}>{passport.url}</a>
        </p>
      ) : (
        <p>{t("myBadges.passportClosed")}</p>
      )}
      <p>
        <Button
          variant="secondary"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate(!passport?.public)}
        >
          {passport?.public ? t("myBadges.closePassport") : t("myBadges.openPassport")}
        </Button>
      </p>
      <h3>{t("myBadges.exportTitle")}</h3>
      <p>{t("myBadges.exportIntro")}</p>
      <p>
        <a className={buttonClass("secondary")} href="/api/me/export" download>
          {t("myBadges.export")}
        </a>
      </p>
      <h3>{t("oauth.grantsTitle")}</h3>
      <p>
        <Link to="/mes-applications">{t("oauth.grantsLink")}</Link>
      </p>
      <h3>{t("myBadges.deleteTitle")}</h3>
      <p>{t("myBadges.deleteIntro")}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get("confirm");
          if (typeof value === "string") remove.mutate(value);
        }}
      >
        <FormError error={remove.error} />
        <div className="field">
          <label htmlFor={confirmId}>{t("myBadges.deleteConfirm")}</label>
          <input id={confirmId} name="confirm" type="email" required autoComplete="off" />
        </div>
        <Button type="submit" variant="danger" disabled={remove.isPending}>
          {t("myBadges.delete")}
        </Button>
      </form>
    </Card>
  );
}
