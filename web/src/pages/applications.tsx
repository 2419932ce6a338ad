import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, api, endpoints } from "../api/client";
import { FormError, formValues, Notice, SelectField, Unavailable } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate, sessionLabel } from "../i18n";

type State =
  | "draft"
  | "submitted"
  | "under_review"
  | "revision_requested"
  | "granted"
  | "refused"
  | "withdrawn";
type Answer = { answer: string; links: string[] };
type FileInfo = {
  id: string;
  criterion: string;
  filename: string;
  size: number;
  contentType: string;
};
type StaffBadge = {
  id: string;
  criterion: string;
  holderName: string;
  source: string;
  input: string;
  verified: boolean;
  badgeName: string | null;
  issuerName: string | null;
  problems: { fr: string; en: string }[];
};
type Review = {
  reviewerId: string;
  name: string;
  state: string;
  ratings: Record<string, number> | null;
  recommendation: "grant" | "revise" | "refuse" | null;
  comment: string | null;
};
export type ApplicationSummary = {
  id: string;
  state: State;
  kind: "first" | "renewal";
  /** In calendar sessions (a commission decides), or continuous (decided as it comes). */
  intake: "sessions" | "continuous";
  badge: { id: string; name: string; required: boolean };
  organisation: { id: string; name: string; kind: string };
  session: {
    name: string;
    deadline: string;
    commissionDate: string;
    revisionsOnly: boolean;
  } | null;
  submittedAt: string | null;
  updatedAt: string;
  /** The caller's own review, when they sit on the panel. */
  myReview?: "assigned" | "submitted" | null;
};
type Detail = Omit<ApplicationSummary, "badge" | "session"> & {
  scope: { ufaIds: string[]; schedule: string | null };
  badge: {
    id: string;
    name: string;
    required: boolean;
    recognises: string;
    criteria: { statement: string; evidence: string[] }[];
    renewalExtra: string | null;
  };
  session: {
    name: string;
    deadline: string;
    commissionDate: string;
    revisionsOnly: boolean;
  } | null;
  answers: Record<string, Answer>;
  motivation: string | null;
  files: FileInfo[];
  staffBadges: StaffBadge[];
  missing: string[];
  panel: { reviewerId: string; name: string; state: string }[];
  reviews: Review[];
  messages: {
    id: string;
    authorName: string;
    authorRole: string;
    /** "Relecteur 1", "Région": the programme keeps its reviewers anonymous to the applicant. */
    pseudonym: boolean;
    body: string;
    createdAt: string;
  }[];
  can: { events: string[]; review: boolean; reopen: boolean; message: boolean };
};
type Badge = { id: string; name: string; required: boolean };

const stateTone: Record<State, string> = {
  draft: "",
  submitted: "",
  under_review: "",
  revision_requested: "warning",
  granted: "ok",
  refused: "danger",
  withdrawn: "",
};

/**
 * Where a row of the list goes: its session, or, without one, the partners'
 * requests decided as they come, the drafts not sent yet, or (sent without a
 * session, which a label application never is) a group of their own.
 */
function groupOf(row: ApplicationSummary, t: (key: string) => string, lang: string) {
  if (row.session)
    return { key: `session:${row.session.name}`, title: sessionLabel(row.session, lang) };
  if (row.intake === "continuous")
    return { key: "continuous", title: t("applications.continuous") };
  if (row.state === "draft") return { key: "drafts", title: t("applications.noSession") };
  return { key: "none", title: t("applications.withoutSession") };
}

/** Who a decision's reasons are sent to: a CFA, a UFA, a partner organisation, or any other. */
const recipientKind = (kind: string) =>
  kind === "cfa" || kind === "ufa" || kind === "partner" ? kind : "other";

function StateChip({ state }: { state: State }) {
  const { t } = useTranslation();
  return (
    <span className={`chip chip--${stateTone[state] || "plain"}`}>
      {t(`applications.states.${state}`)}
    </span>
  );
}

/** /demandes — the CFA's applications, a reviewer's assignments, the managers' queue by session. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  usePageTitle(t("applications.title"));
  const manager = hasRole(me.data, "programme_manager");
  const cfa = me.data?.memberships.find((m) => m.organisation.kind === "cfa")?.organisation;
  const list = useQuery({
    queryKey: ["applications", cfa?.id ?? "staff"],
    queryFn: () =>
      api<{ applications: ApplicationSummary[] }>(
        "GET",
        cfa && !manager ? `/api/applications?organisationId=${cfa.id}` : "/api/applications",
      ),
    enabled: !!me.data,
  });
  if (me.isPending || list.isPending) return <p>{t("common.loading")}</p>;
  const rows = list.data?.applications ?? [];
  const bySession = new Map<string, { title: string; apps: ApplicationSummary[] }>();
  for (const row of rows) {
    const group = groupOf(row, t, i18n.language);
    const apps = bySession.get(group.key)?.apps ?? [];
    bySession.set(group.key, { title: group.title, apps: [...apps, row] });
  }
  return (
    <>
      <h1>{manager ? t("applications.queueTitle") : t("applications.title")}</h1>
      <FormError error={list.error} />
      {cfa && !manager ? <NewApplication organisationId={cfa.id} /> : null}
      {rows.length === 0 ? <p className="empty">{t("applications.none")}</p> : null}
      {[...bySession].map(([key, { title, apps }], index) => (
        <section key={key} aria-labelledby={`group-${index}`}>
          <h2 id={`group-${index}`}>
            {title}
            {apps[0]?.session ? (
              <span className="muted">
                {" "}
                · {formatDate(apps[0].session.commissionDate, i18n.language)}
              </span>
            ) : null}
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("applications.badge")}</th>
                  <th scope="col">{t("applications.organisation")}</th>
                  <th scope="col">{t("applications.state")}</th>
                  <th scope="col">{t("applications.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {apps.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/demandes/${a.id}`}>{a.badge.name}</Link>
                      {a.kind === "renewal" ? (
                        <span className="muted"> ({t("applications.renewal")})</span>
                      ) : null}
                    </td>
                    <td>{a.organisation.name}</td>
                    <td>
                      <StateChip state={a.state} />
                    </td>
                    <td>{formatDate(a.updatedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}

/** The server's refusals for a badge the organisation already holds. */
const heldCodes = ["BADGE_ALREADY_HELD", "BADGE_RENEWAL_DUE"];

/**
 * A reviewer's home: the applications they are on the panel of, each with its
 * session, the date its review is due (the commission's) and where their own
 * review stands.
 */
export function ReviewerAssignments() {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ["applications", "mine"],
    queryFn: () =>
      api<{ applications: ApplicationSummary[] }>("GET", "/api/applications?mine=true"),
  });
  if (list.isPending) return <p>{t("common.loading")}</p>;
  const rows = list.data?.applications ?? [];
  if (list.error) return <FormError error={list.error} />;
  if (rows.length === 0) return <p className="empty">{t("dashboard.reviewerEmpty")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("applications.assigned.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.badge")}</th>
            <th scope="col">{t("applications.organisation")}</th>
            <th scope="col">{t("applications.assigned.session")}</th>
            <th scope="col">{t("applications.assigned.due")}</th>
            <th scope="col">{t("applications.assigned.yourReview")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/demandes/${a.id}`}>{a.badge.name}</Link>
              </td>
              <td>{a.organisation.name}</td>
              <td>
                {a.session ? (
                  <>
                    {sessionLabel(a.session, i18n.language)}
                    <br />
                    <span className="muted">
                      {t("applications.assigned.deadline", {
                        date: formatDate(a.session.deadline, i18n.language),
                      })}
                    </span>
                  </>
                ) : (
                  t("applications.assigned.noSession")
                )}
              </td>
              <td>{a.session ? formatDate(a.session.commissionDate, i18n.language) : "—"}</td>
              <td>
                {a.state === "under_review" ? (
                  <span className={`chip chip--${a.myReview === "submitted" ? "ok" : "warning"}`}>
                    {t(`applications.assigned.review.${a.myReview ?? "assigned"}`)}
                  </span>
                ) : (
                  <StateChip state={a.state} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewApplication({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const badges = useQuery({
    queryKey: ["catalogue", "label-cfa"],
    queryFn: () => api<{ badges: Badge[] }>("GET", "/api/public/programmes/label-cfa/badges"),
  });
  const create = useMutation({
    mutationFn: (body: { badgeClassId: string; kind: string }) =>
      api<{ id: string }>("POST", "/api/applications", { organisationId, ...body }),
    onSuccess: (created) => navigate(`/demandes/${created.id}`),
  });
  const held = create.error instanceof ApiError && heldCodes.includes(create.error.code);
  return (
    <form
      className="card inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        create.mutate({ badgeClassId: v.badgeClassId ?? "", kind: v.kind ?? "first" });
      }}
    >
      <h2>{t("applications.newTitle")}</h2>
      {held && create.variables ? (
        <AlreadyHeld
          organisationId={organisationId}
          badgeClassId={create.variables.badgeClassId}
          error={create.error as ApiError}
          onRenew={() =>
            create.mutate({ badgeClassId: create.variables!.badgeClassId, kind: "renewal" })
          }
          pending={create.isPending}
        />
      ) : (
        <FormError error={create.error} />
      )}
      <SelectField label={t("applications.badge")} name="badgeClassId" required>
        {(badges.data?.badges ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
            {b.required ? ` (${t("catalogue.required")})` : ""}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("applications.kind")} name="kind">
        <option value="first">{t("applications.first")}</option>
        <option value="renewal">{t("applications.renewal")}</option>
      </SelectField>
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {t("applications.start")}
      </button>
    </form>
  );
}

type HeldCredential = {
  status: string;
  validUntil: string | null;
  badge: { id: string; name: string };
};

/**
 * Why the organisation cannot open a first award for a badge it holds: the
 * server's reason, the date the held badge ends, and inside the renewal
 * window the renewal itself, one click away.
 */
function AlreadyHeld({
  organisationId,
  badgeClassId,
  error,
  onRenew,
  pending,
}: {
  organisationId: string;
  badgeClassId: string;
  error: ApiError;
  onRenew: () => void;
  pending: boolean;
}) {
  const { t, i18n } = useTranslation();
  const held = useQuery({
    queryKey: ["organisation-credentials", organisationId],
    queryFn: () =>
      api<{ credentials: HeldCredential[] }>(
        "GET",
        `/api/organisations/${encodeURIComponent(organisationId)}/credentials`,
      ),
  });
  const award = (held.data?.credentials ?? [])
    .filter((c) => c.badge.id === badgeClassId && c.status === "valid" && c.validUntil)
    .sort((a, b) => (b.validUntil ?? "").localeCompare(a.validUntil ?? ""))[0];
  const renewal = error.code === "BADGE_RENEWAL_DUE";
  return (
    <div className={`alert ${renewal ? "alert--warning" : "alert--info"}`} role="alert">
      <p>
        <strong>{error.message}</strong>
      </p>
      {award?.validUntil ? (
        <p>
          {t("applications.held.until", {
            badge: award.badge.name,
            date: formatDate(award.validUntil, i18n.language),
          })}
        </p>
      ) : null}
      {renewal ? (
        <button
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={onRenew}
        >
          {t("applications.held.renew")}
        </button>
      ) : null}
    </div>
  );
}

/** Staff badges given as evidence: each says whether the engine verified it, and if not, why. */
function StaffBadgeList({
  detail,
  criterion,
  onRemove,
}: {
  detail: Detail;
  criterion: string;
  onRemove?: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  const badges = detail.staffBadges.filter((b) => b.criterion === criterion);
  if (!badges.length) return null;
  return (
    <ul className="staff-badges">
      {badges.map((b) => (
        <li key={b.id} className={b.verified ? "staff-badge--ok" : "staff-badge--failed"}>
          <span className={`chip chip--${b.verified ? "ok" : "danger"}`}>
            <span aria-hidden="true">{b.verified ? "✓ " : "✗ "}</span>
            {b.verified
              ? t("applications.staffBadge.verified")
              : t("applications.staffBadge.failed")}
          </span>{" "}
          <strong>{b.badgeName ?? t("applications.staffBadge.unnamed")}</strong>
          {b.issuerName ? ` — ${b.issuerName}` : ""} · {b.holderName}
          {!b.verified && b.problems.length ? (
            <ul>
              {b.problems.map((p) => (
                <li key={p.fr}>{en ? p.en : p.fr}</li>
              ))}
            </ul>
          ) : null}
          {onRemove ? (
            <>
              {" "}
              <button type="button" className="link-button" onClick={() => onRemove(b.id)}>
                {t("applications.staffBadge.remove", { name: b.badgeName ?? b.holderName })}
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A form to attach a staff member's badge: a URL or pasted JSON/JWT, or a baked image. */
function StaffBadgeForm({
  detail,
  criterion,
  onSaved,
}: {
  detail: Detail;
  criterion: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const ids = { holder: useId(), text: useId(), image: useId() };
  const [holder, setHolder] = useState("");
  const [text, setText] = useState("");
  const add = useMutation({
    mutationFn: async (input: { text?: string; image?: File }) => {
      if (input.image) {
        const response = await fetch(
          `/api/applications/${detail.id}/staff-badges/image?criterion=${criterion}&holderName=${encodeURIComponent(holder)}`,
          {
            method: "POST",
            headers: {
              "content-type": input.image.type || "application/octet-stream",
              "x-file-name": encodeURIComponent(input.image.name),
              "x-csrf-token": decodeURIComponent(
                document.cookie.match(/(?:^|;\s*)blason_csrf=([^;]+)/)?.[1] ?? "",
              ),
              "accept-language": document.documentElement.lang,
            },
            body: input.image,
          },
        );
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as {
            error?: { message?: string };
          } | null;
          throw new Error(body?.error?.message ?? response.statusText);
        }
        return;
      }
      await api("POST", `/api/applications/${detail.id}/staff-badges`, {
        criterion,
        holderName: holder,
        text: input.text,
      });
    },
    onSuccess: () => {
      setText("");
      onSaved();
    },
  });
  return (
    <details className="staff-badge-form">
      <summary>{t("applications.staffBadge.add")}</summary>
      <FormError error={add.error} />
      <div className="field">
        <label htmlFor={ids.holder}>{t("applications.staffBadge.holder")}</label>
        <input id={ids.holder} value={holder} onChange={(e) => setHolder(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.text}>{t("applications.staffBadge.text")}</label>
        <p className="field__hint" id={`${ids.text}-hint`}>
          {t("applications.staffBadge.textHint")}
        </p>
        <textarea
          id={ids.text}
          rows={3}
          value={text}
          aria-describedby={`${ids.text}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={add.isPending || holder.trim().length < 2 || !text.trim()}
        onClick={() => add.mutate({ text })}
      >
        {t("applications.staffBadge.verify")}
      </button>
      <div className="field">
        <label htmlFor={ids.image}>{t("applications.staffBadge.image")}</label>
        <input
          id={ids.image}
          type="file"
          accept=".png,.svg,image/png,image/svg+xml"
          disabled={holder.trim().length < 2}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) add.mutate({ image: file });
            event.target.value = "";
          }}
        />
      </div>
      {add.isPending ? <p aria-live="polite">{t("applications.staffBadge.checking")}</p> : null}
    </details>
  );
}

/** Uploads with a progress bar (fetch cannot report upload progress; XHR can). */
function uploadFile(
  applicationId: string,
  criterion: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<FileInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/applications/${applicationId}/files?criterion=${criterion}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    const csrf = document.cookie.match(/(?:^|;\s*)blason_csrf=([^;]+)/)?.[1] ?? "";
    xhr.setRequestHeader("X-CSRF-Token", decodeURIComponent(csrf));
    xhr.setRequestHeader("Accept-Language", document.documentElement.lang);
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      const data = JSON.parse(xhr.responseText || "{}");
      if (xhr.status === 201) resolve(data as FileInfo);
      else
        reject(
          new ApiError(
            xhr.status,
            data.error?.code ?? "INTERNAL",
            data.error?.message ?? xhr.statusText,
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "Network error"));
    xhr.send(file);
  });
}

function CriterionEditor({
  detail,
  index,
  statement,
  evidence,
  onSaved,
}: {
  detail: Detail;
  index: string;
  statement: string;
  evidence: string[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const saved = detail.answers[index] ?? { answer: "", links: [] };
  const [answer, setAnswer] = useState(saved.answer);
  const [links, setLinks] = useState(saved.links.join("\n"));
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const ids = { answer: useId(), links: useId(), file: useId() };
  const first = useRef(true);

  // Autosave a second after the last keystroke.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      setStatus("saving");
      api("PATCH", `/api/applications/${detail.id}`, {
        answers: {
          [index]: { answer, links: links.split(/\s+/).filter(Boolean) },
        },
      })
        .then(() => {
          setStatus("saved");
          setError(null);
          onSaved();
        })
        .catch((e) => {
          setStatus("idle");
          setError(e);
        });
    }, 800);
    return () => clearTimeout(timer);
  }, [answer, links, detail.id, index, onSaved]);

  const files = detail.files.filter((f) => f.criterion === index);
  const missing = detail.missing.includes(index);
  return (
    <fieldset className={`card criterion${missing ? " criterion--missing" : ""}`}>
      <legend>
        {index === "renewal"
          ? t("applications.renewalExtra")
          : t("applications.criterion", { n: Number(index) + 1 })}
      </legend>
      <p className="criterion__statement">{statement}</p>
      {evidence.length ? (
        <>
          <p className="muted">{t("catalogue.evidence")}</p>
          <ul>
            {evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      ) : null}
      <FormError error={error} />
      <div className="field">
        <label htmlFor={ids.answer}>{t("applications.answer")}</label>
        <textarea
          id={ids.answer}
          rows={5}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.links}>
          {t("applications.links")}{" "}
          <span className="field__optional">({t("common.optional")})</span>
        </label>
        <textarea
          id={ids.links}
          rows={2}
          value={links}
          onChange={(e) => setLinks(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.file}>{t("applications.file")}</label>
        <p className="field__hint">{t("applications.fileHint")}</p>
        <input
          id={ids.file}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.txt"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setProgress(0);
            uploadFile(detail.id, index, file, setProgress)
              .then(() => {
                setError(null);
                onSaved();
              })
              .catch(setError)
              .finally(() => {
                setProgress(null);
                event.target.value = "";
              });
          }}
        />
        {progress !== null ? (
          <progress max={1} value={progress} aria-label={t("applications.uploading")}>
            {Math.round(progress * 100)} %
          </progress>
        ) : null}
      </div>
      {files.length ? (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/applications/${detail.id}/files/${f.id}`}>{f.filename}</a>{" "}
              <span className="muted">({Math.ceil(f.size / 1024)} Ko)</span>{" "}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  api("DELETE", `/api/applications/${detail.id}/files/${f.id}`).then(
                    onSaved,
                    setError,
                  )
                }
              >
                {t("applications.removeFile", { name: f.filename })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <StaffBadgeList
        detail={detail}
        criterion={index}
        onRemove={(badgeId) =>
          api("DELETE", `/api/applications/${detail.id}/staff-badges/${badgeId}`).then(
            onSaved,
            setError,
          )
        }
      />
      <StaffBadgeForm detail={detail} criterion={index} onSaved={onSaved} />
      <p className="muted" aria-live="polite">
        {status === "saving"
          ? t("applications.saving")
          : status === "saved"
            ? t("applications.autosaved")
            : ""}
      </p>
    </fieldset>
  );
}

/** Which sites the application covers: the whole CFA, or chosen UFA with a deployment schedule. */
function ScopeEditor({ detail, onSaved }: { detail: Detail; onSaved: () => void }) {
  const { t } = useTranslation();
  const org = useQuery({
    queryKey: ["organisation", detail.organisation.id],
    queryFn: () => endpoints.organisation(detail.organisation.id),
  });
  const save = useMutation({
    mutationFn: (scope: { ufaIds: string[]; schedule: string | null }) =>
      api("PATCH", `/api/applications/${detail.id}`, { scope }),
    onSuccess: onSaved,
  });
  const children = org.data?.children ?? [];
  if (children.length === 0) return null;
  return (
    <form
      className="card criterion"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const schedule = String(data.get("schedule") ?? "").trim();
        save.mutate({
          ufaIds: data.getAll("ufa").map(String),
          schedule: schedule ? schedule : null,
        });
      }}
    >
      <fieldset className="rating">
        <legend>{t("applications.scope")}</legend>
        <p className="field__hint">{t("applications.scopeHint")}</p>
        {children.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              name="ufa"
              value={c.id}
              defaultChecked={detail.scope.ufaIds.includes(c.id)}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="scope-schedule">
          {t("applications.schedule")}{" "}
          <span className="field__optional">({t("common.optional")})</span>
        </label>
        <textarea
          id="scope-schedule"
          name="schedule"
          rows={2}
          defaultValue={detail.scope.schedule ?? ""}
        />
      </div>
      <FormError error={save.error} />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t("applications.saveScope")}
      </button>
      {save.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
    </form>
  );
}

function ReadOnlyAnswers({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const keys = detail.badge.criteria.map((_, i) => String(i));
  if (detail.kind === "renewal" && detail.badge.renewalExtra) keys.push("renewal");
  return (
    <ol className="criteria">
      {keys.map((key) => {
        const a = detail.answers[key];
        const statement =
          key === "renewal"
            ? detail.badge.renewalExtra
            : detail.badge.criteria[Number(key)]?.statement;
        return (
          <li key={key}>
            <p>
              <strong>{statement}</strong>
            </p>
            <p className="answer">{a?.answer || t("applications.noAnswer")}</p>
            {a?.links.length ? (
              <ul>
                {a.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="noopener noreferrer">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="files">
              {detail.files
                .filter((f) => f.criterion === key)
                .map((f) => (
                  <li key={f.id}>
                    <a href={`/api/applications/${detail.id}/files/${f.id}`}>{f.filename}</a>
                  </li>
                ))}
            </ul>
            <StaffBadgeList detail={detail} criterion={key} />
          </li>
        );
      })}
    </ol>
  );
}

function Dialogue({ detail, onChange }: { detail: Detail; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const send = useMutation({
    mutationFn: (body: string) => api("POST", `/api/applications/${detail.id}/messages`, { body }),
    onSuccess: onChange,
  });
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("applications.dialogue")}</h2>
      {detail.messages.length === 0 ? (
        <p className="muted">{t("applications.noMessages")}</p>
      ) : null}
      <ol className="thread plain">
        {detail.messages.map((m) => (
          <li key={m.id} className={`message message--${m.authorRole}`}>
            <p className="message__meta">
              <strong>{m.authorName}</strong> ·{" "}
              {m.pseudonym ? null : <>{t(`applications.roles.${m.authorRole}`)} · </>}
              {formatDate(m.createdAt, i18n.language, true)}
            </p>
            <p className="message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          const form = event.currentTarget;
          const body = formValues(form).body ?? "";
          send.mutate(body, { onSuccess: () => form.reset() });
        }}
      >
        <FormError error={send.error} />
        <div className="field">
          <label htmlFor={`${id}-body`}>{t("applications.message")}</label>
          <textarea id={`${id}-body`} name="body" rows={3} required />
        </div>
        <button type="submit" className="button button--secondary" disabled={send.isPending}>
          {t("applications.send")}
        </button>
      </form>
    </section>
  );
}

function ReviewForm({
  detail,
  onChange,
  previous,
}: {
  detail: Detail;
  onChange: () => void;
  /** A review given back by a manager: the form starts from it. */
  previous?: Review | undefined;
}) {
  const { t } = useTranslation();
  const submit = useMutation({
    mutationFn: (body: unknown) => api("POST", `/api/applications/${detail.id}/review`, body),
    onSuccess: onChange,
  });
  const recuse = useMutation({
    mutationFn: (reason: string) =>
      api("POST", `/api/applications/${detail.id}/recuse`, { reason }),
    onSuccess: () => window.location.assign("/demandes"),
  });
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">{t("applications.reviewTitle")}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          submit.mutate({
            ratings: Object.fromEntries(
              detail.badge.criteria.map((_, i) => [String(i), Number(v[`r${i}`])]),
            ),
            recommendation: v.recommendation,
            comment: v.comment,
          });
        }}
      >
        <FormError error={submit.error} />
        {detail.badge.criteria.map((c, i) => (
          <fieldset key={c.statement} className="rating">
            <legend>
              {t("applications.criterion", { n: i + 1 })} — {c.statement}
            </legend>
            {[1, 2, 3, 4].map((n) => (
              <label key={n} className="rating__option">
                <input
                  type="radio"
                  name={`r${i}`}
                  value={n}
                  required
                  defaultChecked={previous?.ratings?.[String(i)] === n}
                />
                {t(`applications.ratings.${n}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <SelectField
          label={t("applications.recommendation")}
          name="recommendation"
          required
          defaultValue={previous?.recommendation ?? undefined}
        >
          <option value="grant">{t("applications.recommendations.grant")}</option>
          <option value="revise">{t("applications.recommendations.revise")}</option>
          <option value="refuse">{t("applications.recommendations.refuse")}</option>
        </SelectField>
        <div className="field">
          <label htmlFor="review-comment">{t("applications.comment")}</label>
          <textarea
            id="review-comment"
            name="comment"
            rows={4}
            required
            defaultValue={previous?.comment ?? ""}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button button--primary" disabled={submit.isPending}>
            {t("applications.submitReview")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              const reason = window.prompt(t("applications.recusePrompt"));
              if (reason) recuse.mutate(reason);
            }}
          >
            {t("applications.recuse")}
          </button>
        </p>
        <FormError error={recuse.error} />
      </form>
    </section>
  );
}

/** A manager gives a submitted review back to its reviewer, saying why (the audit log keeps it). */
function ReopenReview({
  detail,
  review,
  onChange,
}: {
  detail: Detail;
  review: Review;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const reopen = useMutation({
    mutationFn: (reason: string) =>
      api("POST", `/api/applications/${detail.id}/reviews/${review.reviewerId}/reopen`, { reason }),
    onSuccess: onChange,
  });
  return (
    <details className="reopen">
      <summary>{t("applications.reopen.open", { name: review.name })}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reopen.mutate(formValues(event.currentTarget).reason ?? "");
        }}
      >
        <FormError error={reopen.error} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("applications.reopen.reason")}</label>
          <p className="field__hint" id={`${id}-hint`}>
            {t("applications.reopen.hint")}
          </p>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            required
            minLength={3}
            aria-describedby={`${id}-hint`}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={reopen.isPending}>
          {t("applications.reopen.submit")}
        </button>
      </form>
    </details>
  );
}

function Reviews({ detail, onChange }: { detail: Detail; onChange: () => void }) {
  const { t } = useTranslation();
  const reviews = detail.reviews;
  if (!reviews.length) return null;
  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("applications.reviewsTitle")}</h2>
      <ul className="plain reviews">
        {reviews.map((r) => (
          <li key={r.reviewerId}>
            <p>
              <strong>{r.name}</strong> —{" "}
              {r.state === "submitted" && r.recommendation
                ? t(`applications.recommendations.${r.recommendation}`)
                : t(`applications.reviewStates.${r.state}`)}
            </p>
            {r.ratings ? (
              <p className="muted">
                {Object.entries(r.ratings)
                  .map(([k, v]) =>
                    t("common.labelled", {
                      label: t("applications.criterion", { n: Number(k) + 1 }),
                      value: `${v}/4`,
                    }),
                  )
                  .join(" · ")}
              </p>
            ) : null}
            {r.comment ? <p>{r.comment}</p> : null}
            {detail.can.reopen && r.state === "submitted" ? (
              <ReopenReview detail={detail} review={r} onChange={onChange} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ManagerPanel({ detail, onChange }: { detail: Detail; onChange: () => void }) {
  const { t } = useTranslation();
  const reviewers = useQuery({
    queryKey: ["reviewers"],
    queryFn: () =>
      api<{ reviewers: { id: string; name: string; organisations: string[] }[] }>(
        "GET",
        "/api/reviewers",
      ),
  });
  const assign = useMutation({
    mutationFn: (reviewerIds: string[]) =>
      api("POST", `/api/applications/${detail.id}/reviewers`, { reviewerIds }),
    onSuccess: onChange,
  });
  const decide = useMutation({
    mutationFn: (body: unknown) => api("POST", `/api/applications/${detail.id}/decision`, body),
    onSuccess: onChange,
  });
  const names = new Map((reviewers.data?.reviewers ?? []).map((r) => [r.id, r.name]));
  const assignError =
    assign.error instanceof ApiError && assign.error.code === "REVIEW_PANEL_INVALID"
      ? Object.entries(assign.error.fields).map(([who, why]) =>
          t(`applications.panelProblems.${why}`, { name: names.get(who) ?? "" }),
        )
      : [];
  return (
    <>
      {detail.can.events.includes("assign_reviewers") ? (
        <section className="card" aria-labelledby="panel-title">
          <h2 id="panel-title">{t("applications.panelTitle")}</h2>
          <p className="muted">{t("applications.panelHint")}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const ids = new FormData(event.currentTarget).getAll("reviewer").map(String);
              assign.mutate(ids);
            }}
          >
            {assignError.length ? (
              <div className="alert alert--error" role="alert">
                <p>
                  <strong>{assign.error?.message}</strong>
                </p>
                <ul>
                  {assignError.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <FormError error={assign.error} />
            )}
            <fieldset>
              <legend>{t("applications.reviewers")}</legend>
              {(reviewers.data?.reviewers ?? []).map((r) => (
                <label key={r.id} className="checkbox">
                  <input
                    type="checkbox"
                    name="reviewer"
                    value={r.id}
                    defaultChecked={detail.panel.some(
                      (p) => p.reviewerId === r.id && p.state !== "recused",
                    )}
                  />
                  {r.name}
                  {r.organisations.length ? (
                    <span className="muted"> ({r.organisations.join(", ")})</span>
                  ) : null}
                </label>
              ))}
            </fieldset>
            <button
              type="submit"
              className="button button--primary"
              disabled={assign.isPending || reviewers.isPending}
            >
              {t("applications.assign")}
            </button>
          </form>
        </section>
      ) : null}
      {detail.can.events.includes("grant") ? (
        <section className="card card--accent" aria-labelledby="decision-title">
          <h2 id="decision-title">
            {detail.intake === "continuous"
              ? t("applications.decisionTitleContinuous")
              : t("applications.decisionTitle")}
          </h2>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const v = formValues(event.currentTarget);
              decide.mutate({ outcome: v.outcome, motivation: v.motivation });
            }}
          >
            <FormError error={decide.error} />
            <fieldset>
              <legend>{t("applications.outcome")}</legend>
              {(["granted", "revision_requested", "refused"] as const).map((o) => (
                <label key={o} className="checkbox">
                  <input type="radio" name="outcome" value={o} required />{" "}
                  {t(`applications.outcomes.${o}`)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="motivation">{t("applications.motivation")}</label>
              <p className="field__hint" id="motivation-hint">
                {t(`applications.motivationHint.${recipientKind(detail.organisation.kind)}`)}
              </p>
              <textarea
                id="motivation"
                name="motivation"
                rows={4}
                required
                aria-describedby="motivation-hint"
              />
            </div>
            <button type="submit" className="button button--primary" disabled={decide.isPending}>
              {t("applications.record")}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** /demandes/:id — one application, as the CFA, a reviewer or a manager sees it. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const me = useMe();
  const query = useQuery({
    queryKey: ["application", id],
    queryFn: () => api<Detail>("GET", `/api/applications/${encodeURIComponent(id)}`),
    retry: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["application", id] });
  const act = useMutation({
    mutationFn: (event: "submit" | "withdraw") =>
      api<Detail>("POST", `/api/applications/${id}/${event}`, {}),
    onSuccess: (data) => queryClient.setQueryData(["application", id], data),
  });
  usePageTitle(
    query.data
      ? `${query.data.badge.name} — ${query.data.organisation.name}`
      : t("applications.title"),
  );
  if (!query.data) return <Unavailable query={query} title={t("applications.title")} />;
  const d = query.data;
  const editable = d.can.events.includes("edit");
  const manager = hasRole(me.data, "programme_manager");
  const keys = d.badge.criteria.map((c, i) => ({
    key: String(i),
    statement: c.statement,
    evidence: c.evidence,
  }));
  if (d.kind === "renewal" && d.badge.renewalExtra)
    keys.push({ key: "renewal", statement: d.badge.renewalExtra, evidence: [] });
  return (
    <>
      <p>
        <Link to="/demandes">{t("applications.back")}</Link>
      </p>
      <p className="chip">
        {d.kind === "renewal" ? t("applications.renewal") : t("applications.first")}
      </p>
      <h1>{d.badge.name}</h1>
      <p className="lead">
        {d.organisation.name} · <StateChip state={d.state} />
      </p>
      {d.session ? (
        <p>
          {t("applications.sessionLine", {
            session: sessionLabel(d.session, i18n.language),
            date: formatDate(d.session.commissionDate, i18n.language),
          })}
        </p>
      ) : null}
      {d.motivation ? (
        <div
          className={`alert ${d.state === "revision_requested" ? "alert--warning" : "alert--info"}`}
        >
          <p>
            <strong>
              {d.state === "revision_requested"
                ? t("applications.toChange")
                : t("applications.commissionSaid")}
            </strong>
          </p>
          <p>{d.motivation}</p>
        </div>
      ) : null}
      {act.isSuccess && d.state === "submitted" ? <Notice>{t("applications.sent")}</Notice> : null}
      <FormError
        error={act.error}
        labels={Object.fromEntries(keys.map((k) => [`answers.${k.key}`, k.statement.slice(0, 80)]))}
      />
      {editable ? (
        <>
          <p>{t("applications.editHint")}</p>
          <ScopeEditor detail={d} onSaved={refresh} />
          {keys.map((k) => (
            <CriterionEditor
              key={k.key}
              detail={d}
              index={k.key}
              statement={k.statement}
              evidence={k.evidence}
              onSaved={refresh}
            />
          ))}
        </>
      ) : (
        <ReadOnlyAnswers detail={d} />
      )}
      {d.can.events.includes("submit") || d.can.events.includes("withdraw") ? (
        <p className="actions">
          {d.can.events.includes("submit") ? (
            <button
              type="button"
              className="button button--primary button--large"
              disabled={act.isPending}
              onClick={() => act.mutate("submit")}
            >
              {t("applications.submit")}
            </button>
          ) : null}
          {d.can.events.includes("withdraw") ? (
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                window.confirm(t("applications.withdrawConfirm")) && act.mutate("withdraw")
              }
            >
              {t("applications.withdraw")}
            </button>
          ) : null}
        </p>
      ) : null}
      {d.can.review ? (
        <ReviewForm
          detail={d}
          onChange={refresh}
          previous={d.reviews.find((r) => r.reviewerId === me.data?.user.id && r.comment)}
        />
      ) : null}
      <Reviews detail={d} onChange={refresh} />
      {manager ? <ManagerPanel detail={d} onChange={refresh} /> : null}
      <Dialogue detail={d} onChange={refresh} />
    </>
  );
}
