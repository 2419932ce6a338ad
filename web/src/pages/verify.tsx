import { useMutation } from "@tanstack/react-query";
import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, type VerificationReport, verifyBadge } from "../api/client";
import { FormError } from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { type BadgeStatus, StatusChip } from "../components/StatusChip";
import { formatDate } from "../i18n";

const STATUS_ICON = { passed: "✓", failed: "✗", warning: "!", not_applicable: "–" } as const;

/** What to send: the chosen file as it is, else the pasted text (JSON, JWT or a link). */
function payload(file: File | null, text: string): Blob | string | null {
  if (file) return file;
  return text.trim() ? text.trim() : null;
}

/** A local address for the file the visitor chose, released when it changes. */
function useObjectUrl(blob: Blob | undefined) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/** The public verifier: any Open Badge from anywhere, dropped, pasted or linked. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("verifier.title"));
  const lang = i18n.language === "en" ? "en" : "fr";
  // A badge's page links here with its address (?badge=https://…): verified at once.
  const [params] = useSearchParams();
  const param = params.get("badge") ?? "";
  const linked = /^https?:\/\//.test(param) ? param : "";
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState(linked);
  const [recipient, setRecipient] = useState("");
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const ids = {
    file: useId(),
    text: useId(),
    hint: useId(),
    missing: useId(),
    recipient: useId(),
    recipientHint: useId(),
    recipientError: useId(),
  };

  const verify = useMutation({
    mutationFn: (body: Blob | string) => verifyBadge(body, recipient.trim() || undefined),
    onSettled: () => setTimeout(() => result.current?.focus(), 0),
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !linked) return;
    started.current = true;
    verify.mutate(linked);
  }, [linked, verify]);
  // A baked badge is its own image: what was sent, not what is chosen now.
  const sentFile = useObjectUrl(verify.variables instanceof Blob ? verify.variables : undefined);
  // A mistyped holder is told next to its field, not as the badge's verdict.
  const recipientError =
    verify.error instanceof ApiError && verify.error.code === "VERIFY_RECIPIENT_INVALID"
      ? (verify.error.fields.recipient ?? verify.error.message)
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = payload(file, text);
    setMissing(!body);
    if (body) verify.mutate(body);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
      setMissing(false);
    }
  }

  return (
    <>
      <h1>{t("verifier.title")}</h1>
      <p className="lead">{t("verifier.lead")}</p>
      <form className="card verify-form" onSubmit={submit} noValidate>
        {missing ? (
          <p className="field__error" id={ids.missing} role="alert">
            <span aria-hidden="true">⚠ </span>
            {t("verifier.missing")}
          </p>
        ) : null}
        <fieldset
          className={`dropzone${dragging ? " dropzone--active" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label htmlFor={ids.file} className="dropzone__label">
            <span className="dropzone__title">{t("verifier.fileLabel")}</span>
            <span className="field__hint">{t("verifier.fileHint")}</span>
          </label>
          <input
            ref={fileInput}
            id={ids.file}
            name="file"
            type="file"
            accept=".png,.svg,.json,.jwt,image/png,image/svg+xml,application/json"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMissing(false);
            }}
          />
          {file ? (
            <p className="dropzone__file">
              {t("verifier.chosen", { name: file.name })}{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = "";
                }}
              >
                {t("verifier.removeFile")}
              </button>
            </p>
          ) : null}
        </fieldset>
        <p className="verify-form__or">{t("verifier.or")}</p>
        <div className="field">
          <label htmlFor={ids.text}>{t("verifier.textLabel")}</label>
          <p className="field__hint" id={ids.hint}>
            {t("verifier.textHint")}
          </p>
          <textarea
            id={ids.text}
            name="text"
            rows={5}
            spellCheck={false}
            aria-describedby={ids.hint}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setMissing(false);
            }}
          />
        </div>
        <div className={`field${recipientError ? " field--error" : ""}`}>
          <label htmlFor={ids.recipient}>
            {t("verifier.expectedLabel")}
            <span className="field__optional"> ({t("common.optional")})</span>
          </label>
          <p className="field__hint" id={ids.recipientHint}>
            {t("verifier.expectedHint")}
          </p>
          {recipientError ? (
            <p className="field__error" id={ids.recipientError}>
              <span aria-hidden="true">⚠ </span>
              {recipientError}
            </p>
          ) : null}
          <input
            id={ids.recipient}
            name="recipient"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            aria-describedby={
              recipientError ? `${ids.recipientHint} ${ids.recipientError}` : ids.recipientHint
            }
            {...(recipientError ? { "aria-invalid": true } : {})}
            value={recipient}
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={verify.isPending}>
          {verify.isPending ? t("verifier.checking") : t("verifier.submit")}
        </button>
      </form>
      <div ref={result} tabIndex={-1} aria-live="polite" className="verify-result">
        {verify.error && !recipientError ? <FormError error={verify.error} /> : null}
        {verify.data ? <Report report={verify.data} lang={lang} sentFile={sentFile} /> : null}
      </div>
    </>
  );
}

/** A technical identifier (DID, hash) under the words that explain it. */
function Secondary({ value }: { value: string }) {
  return (
    <span className="secondary-id">
      <code>{value}</code>
    </span>
  );
}

/** Who holds the badge, in words: confirmed, identified plainly, or only by hashed identifiers. */
function Holder({ report }: { report: VerificationReport }) {
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

/** The failed steps that say what the badge is now, by their stable codes. */
const STATUS_OF_CODE: Record<string, BadgeStatus> = {
  REVOKED: "revoked",
  SUSPENDED: "suspended",
  EXPIRED: "expired",
  NOT_YET_VALID: "pending_start",
};

/**
 * What the badge is now, in words: revoked, suspended, expired or not yet
 * valid (several may hold), unverified when anything else failed, else valid.
 */
export function badgeStatuses(report: VerificationReport): BadgeStatus[] {
  if (report.verified) return ["valid"];
  const failed = report.steps.filter((s) => s.status === "failed");
  const said = failed.map((s) => STATUS_OF_CODE[String(s.details?.code)]);
  const known = [...new Set(said.filter((s): s is BadgeStatus => !!s))];
  return said.includes(undefined) || known.length === 0 ? [...known, "unverified"] : known;
}

/**
 * A badge's image, shown only from a data: image or an https address, and
 * only in an <img>: an SVG there runs no script (never inline it).
 */
function displayableImage(src: string | undefined): string | undefined {
  if (!src) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(src)) return src;
  return src.startsWith("https://") && URL.canParse(src) ? src : undefined;
}

/** The first of the badge's images that loads (its issuer's, else the baked file itself). */
function BadgeImage({ sources, alt }: { sources: string[]; alt: string }) {
  const [failed, setFailed] = useState(0);
  const src = sources[failed];
  if (!src) return null;
  return (
    <img
      className="report__image"
      src={src}
      alt={alt}
      width={160}
      referrerPolicy="no-referrer"
      onError={() => setFailed(failed + 1)}
    />
  );
}

/** Dates in the reader's language; a second date only when it says something new. */
function Dates({ summary, lang }: { summary: VerificationReport["summary"]; lang: "fr" | "en" }) {
  const { t } = useTranslation();
  const issued = summary.issuedOn ?? summary.validFrom;
  const from =
    summary.validFrom &&
    (!issued || formatDate(summary.validFrom, lang) !== formatDate(issued, lang))
      ? summary.validFrom
      : undefined;
  return (
    <>
      {issued ? (
        <>
          <dt>{t("verifier.issuedOn")}</dt>
          <dd>{formatDate(issued, lang)}</dd>
        </>
      ) : null}
      {from ? (
        <>
          <dt>{t("verifier.validFrom")}</dt>
          <dd>{formatDate(from, lang)}</dd>
        </>
      ) : null}
      {summary.validUntil ? (
        <>
          <dt>{t("verifier.validUntil")}</dt>
          <dd>{formatDate(summary.validUntil, lang)}</dd>
        </>
      ) : null}
    </>
  );
}

export function Report({
  report,
  lang,
  sentFile,
}: {
  report: VerificationReport;
  lang: "fr" | "en";
  /** The uploaded file's local address: a baked badge's own image. */
  sentFile?: string | undefined;
}) {
  const { t } = useTranslation();
  const { summary } = report;
  const failed = report.steps.filter((s) => s.status === "failed");
  const baked = report.source === "png" || report.source === "svg" ? sentFile : undefined;
  const images = [displayableImage(summary.image), baked].filter((i): i is string => !!i);
  return (
    <section aria-labelledby="verify-verdict" className="report">
      <div className={`verdict verdict--${report.verified ? "ok" : "failed"}`}>
        <span className="verdict__icon" aria-hidden="true">
          {report.verified ? "✓" : "✗"}
        </span>
        <div>
          <h2 id="verify-verdict">
            {report.verified ? t("verifier.verified") : t("verifier.notVerified")}
          </h2>
          <p>
            {report.verified
              ? t("verifier.verifiedText", { format: t(`verifier.formats.${report.format}`) })
              : (failed[0]?.reason[lang] ?? t("verifier.notVerifiedText"))}
          </p>
        </div>
      </div>
      {summary.name || summary.issuerName ? (
        <div className="card report__summary">
          {images.length ? (
            <BadgeImage
              key={images.join(" ")}
              sources={images}
              alt={summary.name ? t("catalogue.imageAlt", { name: summary.name }) : ""}
            />
          ) : null}
          <dl className="facts">
            {summary.name ? (
              <>
                <dt>{t("verifier.badge")}</dt>
                <dd>{summary.name}</dd>
              </>
            ) : null}
            {summary.description ? (
              <>
                <dt>{t("verifier.description")}</dt>
                <dd>{summary.description}</dd>
              </>
            ) : null}
            {summary.issuerName || summary.issuerId ? (
              <>
                <dt>{t("verifier.issuer")}</dt>
                <dd>
                  {summary.issuerName ?? t("verifier.issuerUnnamed")}
                  {summary.issuerId ? <Secondary value={summary.issuerId} /> : null}
                </dd>
              </>
            ) : null}
            {summary.recipient ? (
              <>
                <dt>{t("verifier.recipient")}</dt>
                <dd>
                  <Holder report={report} />
                </dd>
              </>
            ) : null}
            <Dates summary={summary} lang={lang} />
            <dt>{t("verifier.badgeStatus")}</dt>
            <dd className="report__status">
              {badgeStatuses(report).map((status) => (
                <StatusChip key={status} status={status} />
              ))}
            </dd>
            <dt>{t("verifier.format")}</dt>
            <dd>{t(`verifier.formats.${report.format}`)}</dd>
          </dl>
        </div>
      ) : null}
      <h3>{t("verifier.stepsTitle")}</h3>
      <ol className="steps">
        {report.steps.map((step) => (
          <li key={step.id} className={`step step--${step.status}`}>
            <span className="step__icon" aria-hidden="true">
              {STATUS_ICON[step.status]}
            </span>
            <span className="step__name">{t(`verifier.steps.${step.id}`, step.id)}</span>
            <span className="step__status">{t(`verifier.status.${step.status}`)}</span>
            <span className="step__reason">{step.reason[lang]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
