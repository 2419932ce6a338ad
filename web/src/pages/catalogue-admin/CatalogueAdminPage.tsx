import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../components/Button";
import { Field, FormError, formValues, Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { DraftEditor } from "./DraftEditor";
import { Equivalences } from "./Equivalences";
import { useCreateDraft, useManagedCollections, useProgramme } from "./use-catalogue-admin";
import { VersionsTable } from "./VersionsTable";

/** /gestion/catalogue — managers prepare the next collection, publish it, and map old badges to new ones. */
export function CatalogueAdminPage() {
  const { t } = useTranslation();
  const programme = useProgramme();
  usePageTitle(t("catalogueAdmin.title"));
  const query = useManagedCollections();
  const create = useCreateDraft();
  if (!query.data) return <Unavailable query={query} title={t("catalogueAdmin.title")} />;
  const { collections, draft } = query.data;
  const draftCollection = draft ? collections.find((c) => c.id === draft.id) : undefined;
  return (
    <>
      <h1>{t("catalogueAdmin.title")}</h1>
      <p className="lead">{t("catalogueAdmin.intro")}</p>
      <nav aria-label={t("catalogueAdmin.programmes")} className="links">
        {(["label-cfa", "competences"] as const).map((p) => (
          <Link
            key={p}
            to={
              p === "label-cfa" ? "/gestion/catalogue" : "/gestion/catalogue?programme=competences"
            }
            aria-current={p === programme ? "page" : undefined}
          >
            {t(`catalogueAdmin.programme.${p}`)}
          </Link>
        ))}
      </nav>
      <VersionsTable programme={programme} collections={collections} />
      {draft && draftCollection ? (
        <DraftEditor draft={draft} collection={draftCollection} />
      ) : (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            const v = formValues(event.currentTarget);
            create.mutate({ version: v.version ?? "", name: v.name ?? "" });
          }}
        >
          <h2>{t("catalogueAdmin.newDraft")}</h2>
          <p>{t("catalogueAdmin.newDraftHint")}</p>
          <FormError error={create.error} />
          <Field label={t("catalogueAdmin.version")} name="version" required />
          <Field label={t("catalogueAdmin.collectionName")} name="name" required />
          <Button type="submit" disabled={create.isPending}>
            {t("catalogueAdmin.createDraft")}
          </Button>
        </form>
      )}
      <Equivalences />
    </>
  );
}
