import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchProgrammeTexts, supportKeys } from "../../api/support";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, Notice, TextAreaField } from "../../components/forms";
import { useEditText } from "./use-support";

/** Managers edit the programme's texts: the label's mailbox and the help intro, FR and EN. */
export function ProgrammeTextsForm() {
  const { t } = useTranslation();
  const texts = useQuery({ queryKey: supportKeys.programmeTexts(), queryFn: fetchProgrammeTexts });
  const edit = useEditText();
  const byKey = (key: string) => texts.data?.texts.find((x) => x.key === key);
  const mailbox = byKey("label_mailbox");
  const intro = byKey("help_intro");
  if (!mailbox || !intro) return null;
  return (
    <form
      className="card"
      aria-labelledby="texts-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        await edit.mutateAsync({ key: "label_mailbox", fr: v.mailbox ?? "", en: v.mailbox ?? "" });
        await edit.mutateAsync({
          key: "help_intro",
          fr: v["intro-fr"] ?? "",
          en: v["intro-en"] ?? "",
        });
      }}
    >
      <h2 id="texts-title">{t("support.textsTitle")}</h2>
      <FormError error={edit.error} />
      {edit.isSuccess ? <Notice>{t("support.textsSaved")}</Notice> : null}
      <Field label={t("support.mailbox")} name="mailbox" type="email" defaultValue={mailbox.fr} />
      {(["fr", "en"] as const).map((language) => (
        <TextAreaField
          key={language}
          id={`help-intro-${language}`}
          label={t(language === "fr" ? "support.introFr" : "support.introEn")}
          name={`intro-${language}`}
          rows={3}
          defaultValue={intro[language]}
          required
        />
      ))}
      <Button type="submit" disabled={edit.isPending}>
        {t("support.saveTexts")}
      </Button>
    </form>
  );
}
