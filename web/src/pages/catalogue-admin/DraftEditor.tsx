import { useTranslation } from "react-i18next";
import type { Draft, ManagedCollection } from "../../api/catalogue-admin";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useConfirmDialog } from "../../components/ConfirmDialog";
import { FormError, Notice } from "../../components/forms";
import { formatDate } from "../../i18n";
import { BadgeEditor } from "./BadgeEditor";
import { CollectionRuleForm } from "./CollectionRuleForm";
import { NewBadgeForm } from "./NewBadgeForm";
import { useDraftActions } from "./use-catalogue-admin";

/** The draft collection: its rule, what stops its publication, its badges, and publishing it. */
export function DraftEditor({
  draft,
  collection,
}: {
  draft: Draft;
  collection: ManagedCollection;
}) {
  const { t, i18n } = useTranslation();
  const { publish, discard } = useDraftActions(draft.id);
  const en = i18n.language.startsWith("en");
  const confirm = useConfirmDialog();
  return (
    <section aria-labelledby="draft-title">
      <h2 id="draft-title">{t("catalogueAdmin.draftTitle", { version: collection.version })}</h2>
      <CollectionRuleForm collection={collection} />
      {draft.problems.length ? (
        <Alert tone="warning" role="status">
          <p>
            <strong>{t("catalogueAdmin.problems", { count: draft.problems.length })}</strong>
          </p>
          <ul>
            {draft.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same problem may appear twice
              <li key={i}>{en ? p.en : p.fr}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p className="alert alert--success">
          <span aria-hidden="true">✓ </span>
          {t("catalogueAdmin.ready")}
        </p>
      )}
      <h3>{t("catalogueAdmin.badgesTitle", { count: draft.badges.length })}</h3>
      <ol className="plain badge-editors">
        {draft.badges.map((b, i) => (
          <BadgeEditor key={b.id} badge={b} first={i === 0} last={i === draft.badges.length - 1} />
        ))}
      </ol>
      <NewBadgeForm draftId={draft.id} />
      <FormError error={publish.error ?? discard.error} />
      <p className="links">
        <Button
          disabled={publish.isPending || draft.problems.length > 0}
          onClick={() =>
            confirm.ask(
              {
                title: t("catalogueAdmin.publishConfirm", { version: collection.version }),
                confirmLabel: t("catalogueAdmin.publishYes"),
              },
              () => publish.mutate(),
            )
          }
        >
          {t("catalogueAdmin.publish", { version: collection.version })}
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            confirm.ask(
              {
                title: t("catalogueAdmin.discardConfirm"),
                confirmLabel: t("catalogueAdmin.discardYes"),
                danger: true,
              },
              () => discard.mutate(),
            )
          }
        >
          {t("catalogueAdmin.discard")}
        </Button>
      </p>
      {confirm.dialog}
      {publish.isSuccess ? (
        <Notice>
          {t("catalogueAdmin.published", {
            date: formatDate(new Date().toISOString(), i18n.language),
          })}
        </Notice>
      ) : null}
    </section>
  );
}
