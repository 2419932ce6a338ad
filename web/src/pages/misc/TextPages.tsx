import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/hooks";

/** The legal notice, the privacy notice and the accessibility statement: translated paragraphs. */
function TextPage({ title, body }: { title: string; body: readonly string[] }) {
  usePageTitle(title);
  return (
    <article className="prose">
      <h1>{title}</h1>
      {body.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </article>
  );
}

export function LegalPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.legalTitle")}
      body={t("legal.legalBody", { returnObjects: true }) as string[]}
    />
  );
}
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.privacyTitle")}
      body={t("legal.privacyBody", { returnObjects: true }) as string[]}
    />
  );
}
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.a11yTitle")}
      body={t("legal.a11yBody", { returnObjects: true }) as string[]}
    />
  );
}
