import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { FormError, Notice, Unavailable } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type BadgeState = "held" | "expiring" | "pending" | "lapsed" | "missing";
type Progress = {
  programme: { slug: string; name: string };
  collection: string;
  eligible: boolean;
  count: number;
  total: number;
  requiredTotal: number;
  requiredHeld: number;
  atRiskFrom: string | null;
  label: LabelState;
  badges: {
    id: string;
    name: string;
    required: boolean;
    state: BadgeState;
    validUntil: string | null;
    credentialId: string | null;
    applicationId: string | null;
    image: string;
  }[];
};

type LabelState = {
  state: "none" | "active" | "suspended" | "expired" | "revoked";
  credentialId: string | null;
  validUntil: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  image: string | null;
  request: {
    id: string;
    kind: "first" | "renewal";
    state: "pending" | "confirmed" | "refused" | "withdrawn";
    createdAt: string;
    decidedAt: string | null;
    motivation: string | null;
  } | null;
  canRequest: boolean;
  requestKind: "first" | "renewal";
};

/** The label itself: held, suspended (and why), requested, or to request. */
function LabelPanel({ organisationId, progress }: { organisationId: string; progress: Progress }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const label = progress.label;
  const isMember = !!me?.memberships.some((m) => m.organisation.id === organisationId);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: ["label-progress", organisationId] });
  const request = useMutation({
    mutationFn: () =>
      api("POST", `/api/organisations/${encodeURIComponent(organisationId)}/label/requests`, {}),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api("POST", `/api/label-requests/${id}/withdraw`, {}),
    onSuccess: refresh,
  });
  const date = (iso: string) => formatDate(iso, i18n.language);
  const pending = label.request?.state === "pending" ? label.request : null;
  const refused = label.request?.state === "refused" ? label.request : null;
  return (
    <section
      aria-labelledby="label-state"
      className={`card label-panel label-panel--${label.state}`}
    >
      {label.image ? (
        <img src={new URL(label.image).pathname} alt="" width={96} height={106} />
      ) : null}
      <div>
        <h2 id="label-state">{t(`label.panel.${label.state}`)}</h2>
        {label.state === "active" && label.validUntil ? (
          <p>{t("label.panel.activeUntil", { date: date(label.validUntil) })}</p>
        ) : null}
        {label.state === "suspended" ? (
          <div className="alert alert--error">
            <p>
              <strong>
                {t("label.panel.suspendedSince", { date: date(label.suspendedAt ?? "") })}
              </strong>
            </p>
            {label.suspensionReason ? <p>{label.suspensionReason}</p> : null}
            <p>{t("label.panel.suspendedHelp")}</p>
          </div>
        ) : null}
        {label.credentialId && label.state !== "none" ? (
          <p>
            <Link to={`/credentials/${label.credentialId}`}>{t("label.panel.seeLabel")}</Link>
          </p>
        ) : null}
        {pending ? (
          <div className="alert alert--info">
            <p>{t(`label.panel.pending_${pending.kind}`, { date: date(pending.createdAt) })}</p>
            {isMember ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => withdraw.mutate(pending.id)}
                disabled={withdraw.isPending}
              >
                {t("label.panel.withdraw")}
              </button>
            ) : null}
          </div>
        ) : null}
        {refused ? (
          <div className="alert alert--warning">
            <p>
              <strong>{t("label.panel.refused", { date: date(refused.decidedAt ?? "") })}</strong>
            </p>
            {refused.motivation ? <p>{refused.motivation}</p> : null}
          </div>
        ) : null}
        {request.isSuccess ? <Notice>{t("label.panel.sent")}</Notice> : null}
        <FormError error={request.error ?? withdraw.error} />
        {label.canRequest && isMember ? (
          <>
            <p>{t(`label.panel.canRequest_${label.requestKind}`)}</p>
            <button
              type="button"
              className="button"
              onClick={() => request.mutate()}
              disabled={request.isPending}
            >
              {t(`label.panel.request_${label.requestKind}`)}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Two rings: badges counted towards the total (outer), required ones held (inner). */
function Rings({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const ring = (radius: number, fraction: number, className: string) => {
    const length = 2 * Math.PI * radius;
    return (
      <>
        <circle className="ring__track" cx="90" cy="90" r={radius} />
        <circle
          className={className}
          cx="90"
          cy="90"
          r={radius}
          strokeDasharray={`${Math.min(1, fraction) * length} ${length}`}
          transform="rotate(-90 90 90)"
        />
      </>
    );
  };
  const caption = t("label.ringsCaption", {
    count: progress.count,
    total: progress.total,
    required: progress.requiredHeld,
    requiredTotal: progress.requiredTotal,
  });
  return (
    <figure className="rings">
      <svg
        viewBox="0 0 180 180"
        width="180"
        height="180"
        role="img"
        aria-labelledby="rings-caption"
      >
        <title>{caption}</title>
        {ring(80, progress.count / progress.total, "ring__total")}
        {ring(62, progress.requiredHeld / progress.requiredTotal, "ring__required")}
        <text x="90" y="88" textAnchor="middle" className="rings__count">
          {progress.count}/{progress.total}
        </text>
        <text x="90" y="110" textAnchor="middle" className="rings__sub">
          {t("label.badges")}
        </text>
      </svg>
      <figcaption id="rings-caption">{caption}</figcaption>
    </figure>
  );
}

/** /organisations/:id/label — the collection as a picture: what is held, pending, expiring, missing. */
export function LabelProgressPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery({
    queryKey: ["label-progress", id],
    queryFn: () => api<Progress>("GET", `/api/organisations/${encodeURIComponent(id)}/label`),
    retry: false,
  });
  usePageTitle(t("label.title"));
  if (!query.data) return <Unavailable query={query} title={t("label.title")} />;
  const p = query.data;
  const missingRequired = p.requiredTotal - p.requiredHeld;
  const short = Math.max(p.total - p.count, missingRequired);
  return (
    <>
      <p>
        <Link to={`/organisations/${id}`}>{t("common.back")}</Link>
      </p>
      <p className="chip">{t("catalogue.collection", { version: p.collection })}</p>
      <h1>{t("label.title")}</h1>
      <div className="label-summary card">
        <Rings progress={p} />
        <div>
          {p.eligible ? (
            <p className="lead">
              <span aria-hidden="true">★ </span>
              {t("label.eligible")}
            </p>
          ) : (
            <p className="lead">
              {t("label.short", { count: short })}
              {missingRequired > 0
                ? ` ${t("label.shortRequired", { count: missingRequired })}`
                : ""}
            </p>
          )}
          {p.atRiskFrom ? (
            <p className="alert alert--warning">
              {t("label.atRisk", { date: formatDate(p.atRiskFrom, i18n.language) })}
            </p>
          ) : null}
          <ul className="legend plain">
            {(["held", "expiring", "pending", "lapsed", "missing"] as const).map((s) => (
              <li key={s}>
                <span className={`legend__swatch legend__swatch--${s}`} aria-hidden="true" />
                {t(`label.states.${s}`)} ({p.badges.filter((b) => b.state === s).length})
              </li>
            ))}
          </ul>
        </div>
      </div>
      <LabelPanel organisationId={id} progress={p} />
      <ul className="tiles plain" aria-label={t("label.tilesLabel")}>
        {p.badges.map((b) => (
          <li key={b.id} className={`tile tile--${b.state}`}>
            <img src={new URL(b.image).pathname} alt="" width={112} height={124} loading="lazy" />
            <span className="tile__name">
              {b.required ? (
                <span className="tile__star">
                  <span aria-hidden="true">★ </span>
                  <span className="visually-hidden">
                    {t("common.labelled", { label: t("catalogue.required"), value: "" })}
                  </span>
                </span>
              ) : null}
              {b.name}
            </span>
            <span className="tile__state">
              {t(`label.states.${b.state}`)}
              {b.validUntil && (b.state === "held" || b.state === "expiring")
                ? ` · ${t("label.until", { date: formatDate(b.validUntil, i18n.language) })}`
                : ""}
            </span>
            {b.credentialId ? (
              <Link to={`/credentials/${b.credentialId}`} className="tile__link">
                {t("label.seeBadge")}
                <span className="visually-hidden"> {b.name}</span>
              </Link>
            ) : b.applicationId ? (
              <Link to={`/demandes/${b.applicationId}`} className="tile__link">
                {t("label.seeApplication")}
                <span className="visually-hidden"> {b.name}</span>
              </Link>
            ) : (
              <Link to={`/badges/${b.id}`} className="tile__link">
                {t("label.seeCriteria")}
                <span className="visually-hidden"> {b.name}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

type LabelRequestView = {
  id: string;
  organisation: { id: string; name: string };
  kind: "first" | "renewal";
  state: "pending" | "confirmed" | "refused" | "withdrawn";
  createdAt: string;
  decidedAt: string | null;
  motivation: string | null;
  check: {
    eligible: boolean;
    count: number;
    total: number;
    counted: { badge: string; credentialId: string; validUntil: string | null }[];
  };
  now: { eligible: boolean; count: number; missingRequired: string[] } | null;
};

function LabelDecision({ request }: { request: LabelRequestView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (input: { decision: "confirm" | "refuse"; motivation: string }) =>
      api("POST", `/api/label-requests/${request.id}/decision`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["label-requests"] }),
  });
  const fieldId = `motivation-${request.id}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const motivation = new FormData(event.currentTarget).get("motivation");
        if (typeof motivation === "string")
          decide.mutate({
            decision: submitter?.value === "refuse" ? "refuse" : "confirm",
            motivation,
          });
      }}
    >
      <FormError error={decide.error} />
      <div className="field">
        <label htmlFor={fieldId}>{t("label.requests.motivation")}</label>
        <p className="field__hint" id={`${fieldId}-hint`}>
          {t("label.requests.motivationHint")}
        </p>
        <textarea
          id={fieldId}
          name="motivation"
          rows={3}
          required
          minLength={3}
          aria-describedby={`${fieldId}-hint`}
        />
      </div>
      <p className="links">
        <button
          type="submit"
          name="decision"
          value="confirm"
          className="button"
          disabled={decide.isPending || !request.now?.eligible}
        >
          {t("label.requests.confirm")}
          <span className="visually-hidden"> — {request.organisation.name}</span>
        </button>
        <button
          type="submit"
          name="decision"
          value="refuse"
          className="button button--secondary"
          disabled={decide.isPending}
        >
          {t("label.requests.refuse")}
          <span className="visually-hidden"> — {request.organisation.name}</span>
        </button>
      </p>
    </form>
  );
}

/** /gestion/labels — managers confirm or refuse label requests, with the automatic check beside each. */
export function LabelRequestsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t("label.requests.title"));
  const query = useQuery({
    queryKey: ["label-requests"],
    queryFn: () => api<{ requests: LabelRequestView[] }>("GET", "/api/label-requests"),
    enabled: hasRole(me, "programme_manager"),
    retry: false,
  });
  if (!query.data) return <Unavailable query={query} title={t("label.requests.title")} />;
  const date = (iso: string) => formatDate(iso, i18n.language);
  const pending = query.data.requests.filter((r) => r.state === "pending");
  const done = query.data.requests.filter((r) => r.state !== "pending");
  return (
    <>
      <h1>{t("label.requests.title")}</h1>
      <p className="lead">{t("label.requests.intro")}</p>
      <section aria-labelledby="pending-requests">
        <h2 id="pending-requests">{t("label.requests.pending", { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="empty">{t("label.requests.none")}</p> : null}
        {pending.map((r) => (
          <article key={r.id} className="card" aria-labelledby={`req-${r.id}`}>
            <h3 id={`req-${r.id}`}>
              <Link to={`/organisations/${r.organisation.id}/label`}>{r.organisation.name}</Link>
            </h3>
            <p>
              {t(`label.requests.kind_${r.kind}`)} ·{" "}
              {t("label.requests.sentOn", { date: date(r.createdAt) })}
            </p>
            {r.now?.eligible ? (
              <p className="alert alert--success">
                <span aria-hidden="true">✓ </span>
                {t("label.requests.checkOk", { count: r.now.count, total: r.check.total })}
              </p>
            ) : (
              <div className="alert alert--error">
                <p>
                  {t("label.requests.checkLost", {
                    count: r.now?.count ?? 0,
                    total: r.check.total,
                  })}
                </p>
                {r.now?.missingRequired.length ? (
                  <p>
                    {t("label.requests.missingRequired", {
                      badges: r.now.missingRequired.join(", "),
                    })}
                  </p>
                ) : null}
              </div>
            )}
            <details>
              <summary>{t("label.requests.counted", { count: r.check.counted.length })}</summary>
              <ul>
                {r.check.counted.map((c) => (
                  <li key={c.credentialId}>
                    <Link to={`/credentials/${c.credentialId}`}>{c.badge}</Link>
                    {c.validUntil ? ` · ${t("label.until", { date: date(c.validUntil) })}` : ""}
                  </li>
                ))}
              </ul>
            </details>
            <LabelDecision request={r} />
          </article>
        ))}
      </section>
      <section aria-labelledby="done-requests">
        <h2 id="done-requests">{t("label.requests.done")}</h2>
        {done.length === 0 ? (
          <p className="empty">{t("label.requests.noneDone")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("label.requests.organisation")}</th>
                <th scope="col">{t("label.requests.kind")}</th>
                <th scope="col">{t("label.requests.state")}</th>
                <th scope="col">{t("label.requests.decidedOn")}</th>
                <th scope="col">{t("label.requests.motivation")}</th>
              </tr>
            </thead>
            <tbody>
              {done.map((r) => (
                <tr key={r.id}>
                  <td>{r.organisation.name}</td>
                  <td>{t(`label.requests.kind_${r.kind}`)}</td>
                  <td>{t(`label.requests.states.${r.state}`)}</td>
                  <td>{r.decidedAt ? date(r.decidedAt) : ""}</td>
                  <td>{r.motivation ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
