import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, Notice } from "../../components/forms";
import { useHandIn } from "./use-my-badges";

/** A partner badge handed in, pasted or as its image; the answer says whether it counts and why not. */
export function HandInForm() {
  const { t, i18n } = useTranslation();
  const ids = { text: useId(), file: useId() };
  const [text, setText] = useState("");
  const add = useHandIn(() => setText(""));
  const en = i18n.language.startsWith("en");
  return (
    <Card as="section" aria-labelledby="add-title">
      <h2 id="add-title">{t("myBadges.addTitle")}</h2>
      <p>{t("myBadges.addIntro")}</p>
      <FormError error={add.error} />
      {add.data ? (
        add.data.counts ? (
          <Notice>{t("myBadges.counts")}</Notice>
        ) : (
          <p className="alert alert--warning" role="status">
            {t("myBadges.doesNotCount")}{" "}
            {add.data.reason ? (en ? add.data.reason.en : add.data.reason.fr) : ""}
          </p>
        )
      ) : null}
      <div className="field">
        <label htmlFor={ids.text}>{t("myBadges.text")}</label>
        <textarea id={ids.text} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <Button disabled={add.isPending || !text.trim()} onClick={() => add.mutate({ text })}>
        {t("myBadges.check")}
      </Button>
      <div className="field">
        <label htmlFor={ids.file}>{t("myBadges.file")}</label>
        <input
          id={ids.file}
          type="file"
          accept=".png,.svg,image/png,image/svg+xml"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) add.mutate({ file });
            event.target.value = "";
          }}
        />
      </div>
      {add.isPending ? <p aria-live="polite">{t("myBadges.checking")}</p> : null}
    </Card>
  );
}
