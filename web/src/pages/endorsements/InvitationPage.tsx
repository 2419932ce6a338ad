import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { FormError, Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { useInvitation } from "./use-endorsements";

/** /approbations/invitation/:token — an external endorser reads the invitation and uploads its signed endorsement. */
export function EndorsementInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const { invitation, upload } = useInvitation(token);
  const [unreadable, setUnreadable] = useState(false);
  usePageTitle(t("endorsements.invitation"));
  if (!invitation.data) return <Unavailable query={invitation} title={t("notFound.title")} />;
  const e = invitation.data;
  return (
    <>
      <h1>{t("endorsements.invitation")}</h1>
      <dl className="facts">
        <dt>{t("endorsements.endorser")}</dt>
        <dd>{e.endorser.name}</dd>
        <dt>{t("endorsements.endorsed")}</dt>
        <dd>{e.endorsed.name}</dd>
        <dt>{t("endorsements.subjectId")}</dt>
        <dd>
          <code>{e.endorsed.id}</code>
        </dd>
      </dl>
      {e.state === "invited" ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const text = new FormData(event.currentTarget).get("document");
            try {
              setUnreadable(false);
              upload.mutate(JSON.parse(String(text)) as Record<string, unknown>);
            } catch {
              setUnreadable(true);
            }
          }}
        >
          <FormError error={upload.error} />
          {unreadable ? <Alert tone="error">{t("endorsements.uploadLabel")}</Alert> : null}
          <div className="field">
            <label htmlFor="endorsement-document">{t("endorsements.uploadLabel")}</label>
            <textarea id="endorsement-document" name="document" rows={10} required />
          </div>
          <Button type="submit" disabled={upload.isPending}>
            {t("endorsements.upload")}
          </Button>
        </form>
      ) : (
        <Alert tone="success">{t(`endorsements.state.${e.state}`)}</Alert>
      )}
    </>
  );
}
