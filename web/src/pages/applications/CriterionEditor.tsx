import { useId } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, fileUrl } from "../../api/applications";
import { Button } from "../../components/Button";
import { FormError } from "../../components/forms";
import { StaffBadgeForm } from "./StaffBadgeForm";
import { StaffBadgeList } from "./StaffBadgeList";
import { useCriterion } from "./use-criterion";

/** One criterion of a draft: its statement, the answer (autosaved), links, files and staff badges. */
export function CriterionEditor({
  detail,
  index,
  statement,
  evidence,
  onSaved,
}: {
  detail: ApplicationDetail;
  index: string;
  statement: string;
  evidence: string[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const c = useCriterion(detail, index, onSaved);
  const ids = { answer: useId(), links: useId(), file: useId() };
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
      <FormError error={c.error} />
      <div className="field">
        <label htmlFor={ids.answer}>{t("applications.answer")}</label>
        <textarea
          id={ids.answer}
          rows={5}
          value={c.answer}
          onChange={(e) => c.setAnswer(e.target.value)}
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
          value={c.links}
          onChange={(e) => c.setLinks(e.target.value)}
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
            const input = event.target;
            const file = input.files?.[0];
            if (!file) return;
            void c.upload(file).finally(() => {
              input.value = "";
            });
          }}
        />
        {c.progress !== null ? (
          <progress max={1} value={c.progress} aria-label={t("applications.uploading")}>
            {Math.round(c.progress * 100)} %
          </progress>
        ) : null}
      </div>
      {files.length ? (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={fileUrl(detail.id, f.id)}>{f.filename}</a>{" "}
              <span className="muted">({Math.ceil(f.size / 1024)} Ko)</span>{" "}
              <Button variant="link" onClick={() => c.removeFile(f.id)}>
                {t("applications.removeFile", { name: f.filename })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <StaffBadgeList detail={detail} criterion={index} onRemove={c.removeStaffBadge} />
      <StaffBadgeForm detail={detail} criterion={index} onSaved={onSaved} />
      <p className="muted" aria-live="polite">
        {c.status === "saving"
          ? t("applications.saving")
          : c.status === "saved"
            ? t("applications.autosaved")
            : ""}
      </p>
    </fieldset>
  );
}
