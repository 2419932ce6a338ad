import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { Dropzone } from "./Dropzone";
import { RecipientField } from "./RecipientField";
import { Report } from "./Report";
import { useVerification } from "./use-verification";

/** What to send: the chosen file as it is, else the pasted text (JSON, JWT or a link). */
function payload(file: File | null, text: string): Blob | string | null {
  if (file) return file;
  return text.trim() ? text.trim() : null;
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
  const [missing, setMissing] = useState(false);
  const result = useRef<HTMLDivElement>(null);
  const ids = { text: useId(), hint: useId(), missing: useId() };
  const { verify, sentFile, recipientError } = useVerification({ linked, recipient, result });

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = payload(file, text);
    setMissing(!body);
    if (body) verify.mutate(body);
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
        <Dropzone
          file={file}
          onChoose={(chosen) => {
            setFile(chosen);
            setMissing(false);
          }}
          onRemove={() => setFile(null)}
        />
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
        <RecipientField value={recipient} onChange={setRecipient} error={recipientError} />
        <Button type="submit" disabled={verify.isPending}>
          {verify.isPending ? t("verifier.checking") : t("verifier.submit")}
        </Button>
      </form>
      <div ref={result} tabIndex={-1} aria-live="polite" className="verify-result">
        {verify.error && !recipientError ? <FormError error={verify.error} /> : null}
        {verify.data ? <Report report={verify.data} lang={lang} sentFile={sentFile} /> : null}
      </div>
    </>
  );
}
