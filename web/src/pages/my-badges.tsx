import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { api } from "../api/client";
import { FormError, Notice } from "../components/forms";
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
  regionalBadges: {
    credentialId: string;
    name: string;
    status: string;
    url: string;
    image: string;
  }[];
};
type Received = { counts: boolean; reason: { fr: string; en: string } | null };

const path = (url: string) => new URL(url).pathname;

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
  return (
    <>
      <h1>{t("myBadges.title")}</h1>
      <p className="lead">{t("myBadges.intro")}</p>
      <section aria-labelledby="regional-title">
        <h2 id="regional-title">
          {t("myBadges.regional", { count: data?.regionalBadges.length ?? 0 })}
        </h2>
        {data?.regionalBadges.length === 0 ? (
          <p className="empty">{t("myBadges.noRegional")}</p>
        ) : null}
        <ul className="badge-grid plain">
          {data?.regionalBadges.map((b) => (
            <li key={b.credentialId} className="badge-card">
              <Link to={path(b.url)} className="badge-card__link">
                <img src={path(b.image)} alt="" width={160} height={176} loading="lazy" />
                <span className="badge-card__name">{b.name}</span>
              </Link>
              <span className={`chip chip--${b.status === "valid" ? "ok" : "danger"}`}>
                {t(`credential.status.${b.status as "valid"}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
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
    </>
  );
}
