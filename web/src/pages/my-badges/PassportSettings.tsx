import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MyPassport } from "../../api/competences";
import { FormError } from "../../components/forms";
import { pathOf } from "../urls";
import { useDeleteAccount, usePassportToggle } from "./use-my-badges";

/** Open or close the public passport, download everything, leave. */
export function PassportSettings({ passport }: { passport: MyPassport }) {
  const { t } = useTranslation();
  const confirmId = useId();
  const toggle = usePassportToggle();
  const remove = useDeleteAccount();
  return (
    <section aria-labelledby="passport-title" className="card">
      <h2 id="passport-title">{t("myBadges.passportTitle")}</h2>
      <p>{t("myBadges.passportIntro")}</p>
      <FormError error={toggle.error} />
      {passport?.public ? (
        <p>
          {t("myBadges.passportOpen")} <a href={pathOf(passport.url)}>{passport.url}</a>
        </p>
      ) : (
        <p>{t("myBadges.passportClosed")}</p>
      )}
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate(!passport?.public)}
        >
          {passport?.public ? t("myBadges.closePassport") : t("myBadges.openPassport")}
        </button>
      </p>
      <h3>{t("myBadges.exportTitle")}</h3>
      <p>{t("myBadges.exportIntro")}</p>
      <p>
        <a className="button button--secondary" href="/api/me/export" download>
          {t("myBadges.export")}
        </a>
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
        <button type="submit" className="button button--danger" disabled={remove.isPending}>
          {t("myBadges.delete")}
        </button>
      </form>
    </section>
  );
}
