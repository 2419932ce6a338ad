import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { FormError, Notice, Unavailable } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { StatusChip } from "../components/StatusChip";
import { formatDate } from "../i18n";
import { type Awarding, ProgrammeLine, type ProgrammeRef } from "./catalogue";

export type CredentialView = {
  id: string;
  url: string;
  status: "valid" | "expired" | "revoked" | "suspended" | "pending_start";
  suspensionReason: string | null;
  revocationReason: string | null;
  revokedAt: string | null;
  shownPublicly: boolean;
  evidence: { name?: string; narrative?: string }[];
  claimState: "pending" | "accepted" | "declined";
  validFrom: string;
  validUntil: string | null;
  badge: {
    id: string;
    name: string;
    recognises: string;
    required: boolean;
    collection: string;
    programme: ProgrammeRef;
    awarding: Awarding;
    image: string;
  };
  /** name is null for a person who does not show it. */
  holder: { id: string; name: string | null; kind: string };
  issuer: { name: string; url: string };
  /** OB 3.0 (the signed credential, plain or baked) and OB 2.0 (the hosted assertion, baked). */
  downloads: {
    json: string;
    png: string;
    svg: string;
    ob2: string;
    ob2Png: string;
    ob2Svg: string;
  };
};

const path = (url: string) => new URL(url).pathname;

/** The downloads of one version of Open Badges, under the sentence that says whom it suits. */
function DownloadGroup({
  id,
  intro,
  links,
}: {
  id: string;
  intro: string;
  links: [string, string][];
}) {
  return (
    <>
      <p className="downloads__version" id={id}>
        {intro}
      </p>
      <ul className="downloads plain" aria-labelledby={id}>
        {links.map(([href, label]) => (
          <li key={href}>
            <a className="button button--secondary" href={path(href)} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** OB 3.0 first (signed), then OB 2.0 for backpacks that read only 2.0. */
function Downloads({ credential }: { credential: CredentialView }) {
  const { t } = useTranslation();
  const id = `downloads-${credential.id}`;
  const d = credential.downloads;
  return (
    <div className="download-versions">
      <DownloadGroup
        id={`${id}-ob3`}
        intro={t("credential.downloadOb3")}
        links={[
          [d.png, t("credential.downloadPng")],
          [d.svg, t("credential.downloadSvg")],
          [d.json, t("credential.downloadJson")],
        ]}
      />
      <DownloadGroup
        id={`${id}-ob2`}
        intro={t("credential.downloadOb2")}
        links={[
          [d.ob2Png, t("credential.downloadOb2Png")],
          [d.ob2Svg, t("credential.downloadOb2Svg")],
        ]}
      />
    </div>
  );
}

function linkedInUrl(c: CredentialView): string {
  const from = new Date(c.validFrom);
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: c.badge.name,
    organizationName: c.issuer.name,
    issueYear: String(from.getUTCFullYear()),
    issueMonth: String(from.getUTCMonth() + 1),
    certUrl: c.url,
    certId: c.id,
  });
  if (c.validUntil) {
    const until = new Date(c.validUntil);
    params.set("expirationYear", String(until.getUTCFullYear()));
    params.set("expirationMonth", String(until.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${params}`;
}

/** A snippet for a website: the baked image, linking to the badge's page. */
function embedCode(c: CredentialView): string {
  const attr = (v: string) =>
    v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const alt = c.holder.name ? `Badge ${c.badge.name} — ${c.holder.name}` : `Badge ${c.badge.name}`;
  return `<a href="${attr(c.url)}"><img src="${attr(c.downloads.png)}" alt="${attr(alt)}" width="120" height="132"></a>`;
}

function Share({ credential }: { credential: CredentialView }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const subject = t("credential.shareSubject", { badge: credential.badge.name });
  const body = `${credential.holder.name ? `${credential.holder.name} — ` : ""}${credential.badge.name}\n${credential.url}`;
  return (
    <section aria-labelledby="share-title" className="card">
      <h2 id="share-title">{t("credential.shareTitle")}</h2>
      <ul className="downloads plain">
        <li>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(credential.url).then(() => setCopied(true));
            }}
          >
            {t("credential.copyLink")}
          </button>
        </li>
        <li>
          <a className="button button--secondary" href={linkedInUrl(credential)}>
            {t("credential.linkedIn")}
          </a>
        </li>
        <li>
          <a
            className="button button--secondary"
            href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}
          >
            {t("credential.email")}
          </a>
        </li>
      </ul>
      {copied ? <Notice>{t("credential.copied")}</Notice> : null}
      <div className="share-extras">
        <figure className="qr">
          <img
            src={`/api/public/credentials/${credential.id}/qr.svg`}
            alt={t("credential.qrAlt", { badge: credential.badge.name })}
            width={148}
            height={148}
          />
          <figcaption>
            <a href={`/api/public/credentials/${credential.id}/qr.svg`} download>
              {t("credential.qrDownload")}
            </a>
          </figcaption>
        </figure>
        <div className="field embed">
          <label htmlFor="embed-code">{t("credential.embed")}</label>
          <p className="field__hint" id="embed-hint">
            {t("credential.embedHint")}
          </p>
          <textarea
            id="embed-code"
            readOnly
            rows={4}
            aria-describedby="embed-hint"
            value={embedCode(credential)}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      </div>
    </section>
  );
}

/** /credentials/:id — an awarded badge, its live status, downloads and sharing. */
export function CredentialPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery({
    queryKey: ["credential", id],
    queryFn: () => api<CredentialView>("GET", `/api/public/credentials/${encodeURIComponent(id)}`),
    retry: false,
  });
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
          src={path(c.downloads.svg)}
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
          <div className="alert alert--error">
            <p>
              <strong>{t("credential.revokedOn", { date: formatDate(c.revokedAt!, lang) })}</strong>
            </p>
            {c.revocationReason ? <p>{c.revocationReason}</p> : null}
          </div>
        ) : null}
        {c.status === "suspended" ? (
          <div className="alert alert--error">
            <p>
              <strong>{t("credential.suspended")}</strong>
            </p>
            {c.suspensionReason ? <p>{c.suspensionReason}</p> : null}
          </div>
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
          </>
        ) : null}
      </div>
    </article>
  );
}

/** A manager revokes a badge for good, saying why (the holder is emailed, verifiers see it). */
function RevokeForm({ credential, onDone }: { credential: CredentialView; onDone: () => void }) {
  const { t } = useTranslation();
  const revoke = useMutation({
    mutationFn: (reason: string) =>
      api<CredentialView>("POST", `/api/credentials/${credential.id}/revoke`, { reason }),
    onSuccess: onDone,
  });
  const fieldId = `revoke-${credential.id}`;
  return (
    <details className="revoke">
      <summary>{t("credential.revoke")}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const reason = new FormData(event.currentTarget).get("reason");
          if (typeof reason === "string") revoke.mutate(reason);
        }}
      >
        <FormError error={revoke.error} />
        <div className="field">
          <label htmlFor={fieldId}>{t("credential.revokeReason")}</label>
          <p className="field__hint" id={`${fieldId}-hint`}>
            {t("credential.revokeHint")}
          </p>
          <textarea
            id={fieldId}
            name="reason"
            rows={3}
            required
            minLength={5}
            aria-describedby={`${fieldId}-hint`}
          />
        </div>
        <button type="submit" className="button button--danger" disabled={revoke.isPending}>
          {t("credential.revokeConfirm", { badge: credential.badge.name })}
        </button>
      </form>
    </details>
  );
}

/** /organisations/:id/badges — what an organisation holds; its members accept or decline. */
export function OrganisationBadgesPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["org-credentials", id],
    queryFn: () =>
      api<{ credentials: CredentialView[] }>(
        "GET",
        `/api/organisations/${encodeURIComponent(id)}/credentials`,
      ),
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (input: { id: string; answer: "accept" | "decline" }) =>
      api<CredentialView>("POST", `/api/credentials/${input.id}/${input.answer}`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["org-credentials", id] }),
  });
  const visibility = useMutation({
    mutationFn: (input: { id: string; shown: boolean }) =>
      api<CredentialView>("POST", `/api/credentials/${input.id}/visibility`, {
        shown: input.shown,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["org-credentials", id] }),
  });
  usePageTitle(t("credential.listTitle"));
  if (!query.data) return <Unavailable query={query} title={t("credential.listTitle")} />;
  const member = me.data?.memberships.some((m) => m.organisation.id === id);
  const manager = hasRole(me.data, "programme_manager");
  const list = query.data.credentials;
  return (
    <>
      <p>
        <Link to={`/organisations/${id}`}>{t("common.back")}</Link>
      </p>
      <h1>{t("credential.listTitle")}</h1>
      <FormError error={answer.error ?? visibility.error} />
      {list.length === 0 ? <p className="empty">{t("credential.none")}</p> : null}
      <ul className="credential-list plain">
        {list.map((c) => (
          <li key={c.id} className="card credential-row">
            <img src={path(c.badge.image)} alt="" width={96} height={106} />
            <div>
              <h2>
                <Link to={`/credentials/${c.id}`}>{c.badge.name}</Link>
              </h2>
              <p>
                {t("credential.issuedOn")} {formatDate(c.validFrom, i18n.language)}
                {c.validUntil
                  ? ` · ${t("credential.validUntil")} ${formatDate(c.validUntil, i18n.language)}`
                  : ""}
              </p>
              <StatusChip status={c.status} />{" "}
              {c.status !== "revoked" ? (
                <span className="chip">{t(`credential.claim.${c.claimState}`)}</span>
              ) : null}
              {member && c.claimState === "pending" && c.status !== "revoked" ? (
                <p className="actions">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: c.id, answer: "accept" })}
                  >
                    {t("credential.accept", { badge: c.badge.name })}
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={answer.isPending}
                    onClick={() => {
                      if (window.confirm(t("credential.declineConfirm")))
                        answer.mutate({ id: c.id, answer: "decline" });
                    }}
                  >
                    {t("credential.decline")}
                  </button>
                </p>
              ) : null}
              {c.claimState === "accepted" && c.status !== "revoked" ? (
                <Downloads credential={c} />
              ) : null}
              {member && c.claimState === "accepted" && c.status !== "revoked" ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={c.shownPublicly}
                    disabled={visibility.isPending}
                    onChange={(event) =>
                      visibility.mutate({ id: c.id, shown: event.target.checked })
                    }
                  />
                  {t("credential.shownPublicly")}
                </label>
              ) : null}
              {manager && c.status !== "revoked" ? (
                <RevokeForm
                  credential={c}
                  onDone={() =>
                    queryClient.invalidateQueries({ queryKey: ["org-credentials", id] })
                  }
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
