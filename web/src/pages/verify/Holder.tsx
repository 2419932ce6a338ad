import { useTranslation } from "react-i18next";
import type { VerificationReport } from "../../api/verify";

/** A technical identifier (DID, hash) under the words that explain it. */
export function Secondary({ value }: { value: string }) {
  return (
    <span className="secondary-id">
      <code>{value}</code>
    </span>
  );
}

/** Who holds the badge, in words: confirmed, identified plainly, or only by hashed identifiers. */
export function Holder({ report }: { report: VerificationReport }) {
  const { t, i18n } = useTranslation();
  const { summary } = report;
  const recipient = summary.recipient ?? "";
  const match = report.steps.find((s) => s.id === "recipient_match");
  const identities = summary.recipientIdentities ?? [];
  if (match?.status === "passed" && typeof match.details?.value === "string")
    return (
      <>
        {t("verifier.holderConfirmed", { value: match.details.value })}
        <Secondary value={recipient} />
      </>
    );
  const hashed = identities.filter((i) => i.hashed);
  if (hashed.length > 0) {
    const kinds = [...new Set(hashed.map((i) => i.type))].map((type) =>
      t(`verifier.identities.${type}`, { defaultValue: t("verifier.identities.other") }),
    );
    const what = new Intl.ListFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
      type: "conjunction",
    }).format(kinds);
    return (
      <>
        {t("verifier.holderHashed", { what })}
        <Secondary value={recipient} />
      </>
    );
  }
  if (recipient.startsWith("did:"))
    return (
      <>
        {t("verifier.holderDid")}
        <Secondary value={recipient} />
      </>
    );
  return <>{recipient.replace(/^mailto:/, "")}</>;
}
