import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Alert } from "../../components/Alert";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { StatusChip } from "../../components/StatusChip";
import { formatDate } from "../../i18n";
import { ProgrammeLine } from "../catalogue";
import { Downloads } from "./Downloads";
import { Share } from "./Share";
import { useCredential } from "./use-credentials";
import { useIsHolder, WalletOffer } from "./WalletOffer";

/** /credentials/:id — an awarded badge, its live status, downloads and sharing. */
export function CredentialPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useCredential(id);
  const holder = useIsHolder(query.data);
  usePageTitle(
    query.data
      ? [query.data.badge.name, query.data.holder.name].filter(Boolean).join(" — ")
      : t("credential.title"),
  );
  if (!query.data) return <Unavailable query={query} title={t("notFound.title")} />;
  const c = query.data;
  const lang = i18n.language;
  return (
    <article className="badge-page">
      <div className="badge-page__image">
        <img
          src={sameOriginPath(c.downloads.svg)}
          alt={t("catalogue.imageAlt", { name: c.badge.name })}
          width={280}
          height={308}
        />
      </div>
      <div>
        <p>
          <ProgrammeLine
            programme={c.badge.programme}
            collection={c.badge.collection}
            awarding={c.badge.awarding}
          />
        </p>
        <h1>{c.badge.name}</h1>
        <p className="lead">
          {c.holder.name
            ? t("credential.awardedTo", { holder: c.holder.name, issuer: c.issuer.name })
            : t("credential.awardedToHidden", { issuer: c.issuer.name })}
        </p>
        <StatusChip status={c.status} />
        {c.status === "revoked" ? (
          <Alert tone="error">
            <p>
              <strong>{t("credential.revokedOn", { date: formatDate(c.revokedAt!, lang) })}</strong>
            </p>
            {c.revocationReason ? <p>{c.revocationReason}</p> : null}
          </Alert>
        ) : null}
        {c.status === "suspended" ? (
          <Alert tone="error">
            <p>
              <strong>{t("credential.suspended")}</strong>
            </p>
            {c.suspensionReason ? <p>{c.suspensionReason}</p> : null}
          </Alert>
        ) : null}
        <dl className="facts">
          <dt>{t("credential.holder")}</dt>
          <dd>{c.holder.name ?? t("credential.holderHidden")}</dd>
          <dt>{t("credential.issuer")}</dt>
          <dd>{c.issuer.name}</dd>
          <dt>{t("credential.issuedOn")}</dt>
          <dd>{formatDate(c.validFrom, lang)}</dd>
          {c.validUntil ? (
            <>
              <dt>{t("credential.validUntil")}</dt>
              <dd>{formatDate(c.validUntil, lang)}</dd>
            </>
          ) : null}
        </dl>
        <p>{c.badge.recognises}</p>
        <p>
          <Link to={`/badges/${c.badge.id}`}>{t("credential.criteriaLink")}</Link>
        </p>
        <p>
          <Link to={`/verify?badge=${encodeURIComponent(c.downloads.json)}`}>
            {t("credential.verifyLink")}
          </Link>
        </p>
        {c.evidence.length ? (
          <>
            <h2>{t("credential.evidence")}</h2>
            <ul>
              {c.evidence.map((e) => (
                <li key={`${e.name}${e.narrative}`}>
                  {e.name ? <strong>{e.name}</strong> : null}
                  {e.name && e.narrative ? " — " : null}
                  {e.narrative}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {c.status !== "revoked" ? (
          <>
            <h2>{t("credential.downloadTitle")}</h2>
            <p className="muted">{t("credential.downloadHint")}</p>
            <Downloads credential={c} />
            <Share credential={c} />
            {holder && c.status === "valid" ? <WalletOffer credential={c} /> : null}
          </>
        ) : null}
      </div>
    </article>
  );
}
