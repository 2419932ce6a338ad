import { useTranslation } from "react-i18next";
import type { VerificationReport } from "../../api/verify";

type Check = NonNullable<VerificationReport["endorsements"]>[number];

/** Each endorsement the badge embeds, with what its own verification found. */
export function Endorsements({ checks, lang }: { checks: Check[]; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <section aria-labelledby="verify-endorsements">
      <h3 id="verify-endorsements">{t("endorsements.verifyTitle")}</h3>
      <p>{t("endorsements.verifyIntro")}</p>
      <ul className="steps endorsement-checks">
        {checks.map((check, i) => (
          <li
            key={check.id ?? i}
            className={`step step--${check.outcome === "valid" ? "passed" : "warning"}`}
          >
            <span className="step__icon" aria-hidden="true">
              {check.outcome === "valid" ? "✓" : "!"}
            </span>
            <span className="step__name">{check.endorserName ?? check.endorserId ?? "?"}</span>
            <span className="step__status">{t(`endorsements.outcome.${check.outcome}`)}</span>
            <span className="step__reason">
              {check.reason[lang]}
              {check.comment ? (
                <>
                  {" "}
                  <q>{check.comment}</q>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
