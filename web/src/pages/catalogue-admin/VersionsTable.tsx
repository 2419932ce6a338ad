import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ManagedCollection, ProgrammeSlug } from "../../api/catalogue-admin";
import { formatDate } from "../../i18n";

/** Every version of the programme's collection: draft, in force or history, with its rule. */
export function VersionsTable({
  programme,
  collections,
}: {
  programme: ProgrammeSlug;
  collections: ManagedCollection[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t("catalogueAdmin.versionsTitle")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("catalogueAdmin.version")}</th>
            <th scope="col">{t("catalogueAdmin.state")}</th>
            <th scope="col">{t("catalogueAdmin.badgesColumn")}</th>
            <th scope="col">{t("catalogueAdmin.ruleColumn")}</th>
            <th scope="col">{t("catalogueAdmin.publishedOn")}</th>
          </tr>
        </thead>
        <tbody>
          {collections.map((c) => (
            <tr key={c.id}>
              <td>{c.version}</td>
              <td>
                {c.status === "draft"
                  ? t("catalogueAdmin.draft")
                  : c.inForce
                    ? t("catalogueAdmin.inForce")
                    : t("catalogueAdmin.history")}
              </td>
              <td>{c.badgeCount}</td>
              <td>
                {t("catalogueAdmin.ruleCell", { total: c.labelTotal, required: c.requiredCount })}
              </td>
              <td>{c.publishedAt ? formatDate(c.publishedAt, i18n.language) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Link to={`/programmes/${programme}/historique`}>{t("history.link")}</Link>
      </p>
    </section>
  );
}
