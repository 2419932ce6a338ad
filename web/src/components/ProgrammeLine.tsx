import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Awarding, ProgrammeRef } from "../api/catalogue";

/**
 * The line above a badge's name: the label's programme and collection, the
 * competences programme, or the partner whose own badge it is.
 */
export function ProgrammeLine({
  programme,
  collection,
  awarding,
}: {
  programme: ProgrammeRef;
  collection: string;
  awarding: Awarding;
}) {
  const { t } = useTranslation();
  if (programme.partner)
    return (
      <Link to={`/programmes/${programme.slug}`}>
        {t("catalogue.partnerKicker", { partner: programme.partner })}
      </Link>
    );
  return (
    <>
      <Link to={`/programmes/${programme.slug}`}>{programme.name}</Link>
      {awarding === "commission" || awarding === "label"
        ? ` · ${t("catalogue.collection", { version: collection })}`
        : null}
    </>
  );
}
