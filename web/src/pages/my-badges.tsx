import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { api } from "../api/client";
import { FormError, Notice, Unavailable } from "../components/forms";
import { useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type Mine = {
  partnerBadges: {
    id: string;
    name: string | null;
    channel: "blason" | "api" | "upload";
    counts: boolean;
    refusalReason: string | null;
    issuedOn: string | null;
    receivedAt: string;
  }[];
  credentials: {
    credentialId: string;
    name: string;
    issuer: string;
    regional: boolean;
    status: string;
    claimState: "pending" | "accepted" | "declined";
    shown: boolean;
    validFrom: string;
    url: string;
    image: string;
  }[];
  passport: { public: boolean; url: string } | null;
};
type Held = Mine["credentials"][number];
type Received = { counts: boolean; reason: { fr: string; en: string } | null };

const path = (url: string) => new URL(url).pathname;

/** One badge the person holds: accept or decline it, show it on the passport or not. */
function HeldBadge({ badge: b }: { badge: Held }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: "accept" | "decline" | "show" | "hide") =>
      action === "show" || action === "hide"
        ? api("POST", `/api/credentials/${b.credentialId}/visibility`, { shown: action === "show" })
        : api("POST", `/api/credentials/${b.credentialId}/${action}`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["my-badges"] }),
  });
  const button = (action: "accept" | "decline" | "show" | "hide", primary = false) => (
    <button
      type="button"
      className={`button${primary ? "" : " button--secondary"}`}
      disabled={act.isPending}
      onClick={() => {
        if (action !== "decline" || window.confirm(t("myBadges.declineConfirm")))
          act.mutate(action);
      }}
    >
      {t(`myBadges.do.${action}`)}
      <span className="visually-hidden"> — {b.name}</span>
    </button>
  );
  return (
    <li className="badge-card">
      <Link to={path(b.url)} className="badge-card__link">
        <img src={path(b.image)} alt="" width={160} height={176} loading="lazy" />
        <span className="badge-card__name">{b.name}</span>
      </Link>
      <span className="muted">{b.issuer}</span>
      <span className={`chip chip--${b.status === "valid" ? "ok" : "danger"}`}>
        {t(`credential.status.${b.status as "valid"}`)}
      </span>
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
    </li>
  );
}

/** Open or close the public passport, download everything, leave. */
function Passport({ passport }: { passport: Mine["passport"] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirmId = useId();
  const toggle = useMutation({
    mutationFn: (open: boolean) => api("POST", "/api/me/passport", { public: open }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["my-badges"] }),
  });
  const remove = useMutation({
    mutationFn: (confirm: string) => api("POST", "/api/me/delete", { confirm }),
    onSuccess: () => {
      queryClient.clear();
      window.location.assign("/");
    },
  });
  return (
    <section aria-labelledby="passport-title" className="card">
      <h2 id="passport-title">{t("myBadges.passportTitle")}</h2>
      <p>{t("myBadges.passportIntro")}</p>
      <FormError error={toggle.error} />
      {passport?.public ? (
        <p>
          {t("myBadges.passportOpen")} <a href={path(passport.url)}>{passport.url}</a>
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

/** /mes-badges — a person's regional badges, and the partner badges behind them (or why not). */
export function MyBadgesPage() {
  const { t, i18n } = useTranslation();
  const { data: me, isPending } = useMe();
  const queryClient = useQueryClient();
  const ids = { text: useId(), file: useId() };
  const [text, setText] = useState("");
  usePageTitle(t("myBadges.title"));
  const mine = useQuery({
    queryKey: ["my-badges"],
    queryFn: () => api<Mine>("GET", "/api/me/partner-badges"),
    enabled: !!me,
  });
  const add = useMutation({
    mutationFn: async (input: { text?: string; file?: File }): Promise<Received> => {
      if (!input.file)
        return api<Received>("POST", "/api/me/partner-badges", { badge: input.text });
      const csrf = document.cookie.match(/(?:^|;\s*)blason_csrf=([^;]+)/)?.[1] ?? "";
      const response = await fetch("/api/me/partner-badges/image", {
        method: "POST",
        headers: {
          "content-type": input.file.type || "image/png",
          "x-csrf-token": decodeURIComponent(csrf),
          "accept-language": document.documentElement.lang,
        },
        body: input.file,
      });
      const body = (await response.json()) as Received & { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
      return body;
    },
    onSuccess: () => {
      setText("");
      // The regional badges follow in the background: look again in a moment.
      queryClient.invalidateQueries({ queryKey: ["my-badges"] });
      setTimeout(() => queryClient.invalidateQueries({ queryKey: ["my-badges"] }), 1500);
    },
  });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const en = i18n.language.startsWith("en");
  const data = mine.data;
  const regional = data?.credentials.filter((c) => c.regional) ?? [];
  const others = data?.credentials.filter((c) => !c.regional) ?? [];
  return (
    <>
      <h1>{t("myBadges.title")}</h1>
      <p className="lead">{t("myBadges.intro")}</p>
      <section aria-labelledby="regional-title">
        <h2 id="regional-title">{t("myBadges.regional", { count: regional.length })}</h2>
        {regional.length === 0 ? <p className="empty">{t("myBadges.noRegional")}</p> : null}
        <ul className="badge-grid plain">
          {regional.map((b) => (
            <HeldBadge key={b.credentialId} badge={b} />
          ))}
        </ul>
      </section>
      {others.length ? (
        <section aria-labelledby="held-title">
          <h2 id="held-title">{t("myBadges.held", { count: others.length })}</h2>
          <ul className="badge-grid plain">
            {others.map((b) => (
              <HeldBadge key={b.credentialId} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="add-title" className="card">
        <h2 id="add-title">{t("myBadges.addTitle")}</h2>
        <p>{t("myBadges.addIntro")}</p>
        <FormError error={add.error} />
        {add.data ? (
          add.data.counts ? (
            <Notice>{t("myBadges.counts")}</Notice>
          ) : (
            <p className="alert alert--warning" role="status">
              {t("myBadges.doesNotCount")}{" "}
              {add.data.reason ? (en ? add.data.reason.en : add.data.reason.fr) : ""}
            </p>
          )
        ) : null}
        <div className="field">
          <label htmlFor={ids.text}>{t("myBadges.text")}</label>
          <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button
          type="button"
          className="button"
          disabled={add.isPending || !text.trim()}
          onClick={() => add.mutate({ text })}
        >
          {t("myBadges.check")}
        </button>
        <div className="field">
          <label htmlFor={ids.file}>{t("myBadges.file")}</label>
          <input
            id={ids.file}
            type="file"
            accept=".png,.svg,image/png,image/svg+xml"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) add.mutate({ file });
              event.target.value = "";
            }}
          />
        </div>
        {add.isPending ? <p aria-live="polite">{t("myBadges.checking")}</p> : null}
      </section>
      <section aria-labelledby="partner-title">
        <h2 id="partner-title">
          {t("myBadges.partner", { count: data?.partnerBadges.length ?? 0 })}
        </h2>
        {data?.partnerBadges.length === 0 ? (
          <p className="empty">{t("myBadges.noPartner")}</p>
        ) : null}
        <ul className="plain">
          {data?.partnerBadges.map((b) => (
            <li key={b.id} className="card">
              <p>
                <span className={`chip chip--${b.counts ? "ok" : "warning"}`}>
                  <span aria-hidden="true">{b.counts ? "✓ " : "! "}</span>
                  {b.counts ? t("myBadges.countsShort") : t("myBadges.notCountsShort")}
                </span>{" "}
                <strong>{b.name ?? t("applications.staffBadge.unnamed")}</strong>
                {b.issuedOn ? ` · ${formatDate(b.issuedOn, i18n.language)}` : ""}
              </p>
              {b.refusalReason ? <p>{b.refusalReason}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      {data ? <Passport passport={data.passport} /> : null}
    </>
  );
}

type PersonPassport = {
  name: string;
  badges: {
    name: string;
    issuer: string;
    issuerUrl: string;
    validFrom: string;
    validUntil: string | null;
    url: string;
    image: string;
  }[];
};

/** /personnes/:slug — a person's public passport, when they opened it. */
export function PersonPassportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const passport = useQuery({
    queryKey: ["person-passport", slug],
    queryFn: () => api<PersonPassport>("GET", `/api/public/people/${encodeURIComponent(slug)}`),
    retry: false,
  });
  usePageTitle(
    passport.data
      ? t("myBadges.publicTitle", { name: passport.data.name })
      : t("myBadges.publicTitleShort"),
  );
  if (!passport.data)
    return <Unavailable query={passport} title={t("myBadges.publicTitleShort")} />;
  const p = passport.data;
  return (
    <>
      <h1>{t("myBadges.publicTitle", { name: p.name })}</h1>
      <p className="lead">{t("myBadges.publicIntro")}</p>
      {p.badges.length === 0 ? <p className="empty">{t("myBadges.publicNone")}</p> : null}
      <ul className="badge-grid plain">
        {p.badges.map((b) => (
          <li key={b.url} className="badge-card">
            <Link to={path(b.url)} className="badge-card__link">
              <img src={path(b.image)} alt="" width={160} height={176} loading="lazy" />
              <span className="badge-card__name">{b.name}</span>
            </Link>
            <span className="muted">
              {b.issuer} · {formatDate(b.validFrom, i18n.language)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
