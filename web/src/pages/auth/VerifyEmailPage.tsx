import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, Notice } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { useVerifyEmail } from "./use-auth";

/** /verifier-email — confirms the address with the link's token. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t("verify.title"));
  const [params] = useSearchParams();
  const verify = useVerifyEmail(params.get("token") ?? "");
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      {verify.isSuccess ? (
        <Notice>{t("verify.done")}</Notice>
      ) : (
        <Card>
          <FormError error={verify.error} />
          <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t("verify.submit")}
          </Button>
        </Card>
      )}
    </div>
  );
}
