import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { useConsumeMagicLink } from "./use-auth";

/** /connexion/lien — signs in with the link's token, once the user presses the button. */
export function MagicLinkPage() {
  const { t } = useTranslation();
  usePageTitle(t("magic.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const consume = useConsumeMagicLink(token);
  return (
    <div className="narrow">
      <h1>{t("magic.title")}</h1>
      {token ? (
        <Card>
          <p>{t("magic.intro")}</p>
          <FormError error={consume.error} />
          <Button onClick={() => consume.mutate()} disabled={consume.isPending}>
            {t("magic.submit")}
          </Button>
        </Card>
      ) : (
        <Alert tone="error">{t("magic.missing")}</Alert>
      )}
    </div>
  );
}
