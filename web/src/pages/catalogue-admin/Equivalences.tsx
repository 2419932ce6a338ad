import { useTranslation } from "react-i18next";
import type { HistoryCollection } from "../../api/catalogue";
import { Button } from "../../components/Button";
import { FormError, formValues, SelectField } from "../../components/forms";
import { useEquivalences } from "./use-catalogue-admin";

/** Which new badge an old one counts as: the pairs, and the form to add one. */
export function Equivalences() {
  const { t } = useTranslation();
  const { list, history, add, remove } = useEquivalences();
  const collections = history.data?.collections ?? [];
  const options = (filter: (c: HistoryCollection) => boolean) =>
    collections.filter(filter).map((c) => (
      <optgroup key={c.version} label={t("catalogue.collection", { version: c.version })}>
        {c.badges.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </optgroup>
    ));
  return (
    <section aria-labelledby="equivalences-title">
      <h2 id="equivalences-title">{t("catalogueAdmin.equivalencesTitle")}</h2>
      <p>{t("catalogueAdmin.equivalencesIntro")}</p>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          if (v.fromBadgeId && v.toBadgeId)
            add.mutate({ fromBadgeId: v.fromBadgeId, toBadgeId: v.toBadgeId });
        }}
      >
        <FormError error={add.error ?? remove.error} />
        <SelectField label={t("catalogueAdmin.from")} name="fromBadgeId" required>
          <option value="">{t("catalogueAdmin.choose")}</option>
          {options((c) => !c.inForce)}
        </SelectField>
        <SelectField label={t("catalogueAdmin.to")} name="toBadgeId" required>
          <option value="">{t("catalogueAdmin.choose")}</option>
          {options(() => true)}
        </SelectField>
        <Button type="submit" disabled={add.isPending}>
          {t("catalogueAdmin.addEquivalence")}
        </Button>
      </form>
      {list.data ? (
        <table>
          <caption className="visually-hidden">{t("catalogueAdmin.equivalencesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("catalogueAdmin.from")}</th>
              <th scope="col">{t("catalogueAdmin.to")}</th>
              <th scope="col">{t("catalogueAdmin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.equivalences.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.from.name} ({e.from.collection})
                </td>
                <td>
                  {e.to.name} ({e.to.collection})
                </td>
                <td>
                  <Button variant="secondary" onClick={() => remove.mutate(e.id)}>
                    {t("catalogueAdmin.remove")}
                    <span className="visually-hidden">
                      {" "}
                      — {e.from.name} ({e.from.collection})
                    </span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
