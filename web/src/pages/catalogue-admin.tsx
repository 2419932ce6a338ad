import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client";
import {
  Field,
  FormError,
  formValues,
  Notice,
  SelectField,
  Unavailable,
} from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

/** The programme being edited: the label's catalogue, or the regional competences (?programme=competences). */
function useProgramme(): "label-cfa" | "competences" {
  const [params] = useSearchParams();
  return params.get("programme") === "competences" ? "competences" : "label-cfa";
}

type Criterion = { statement: string; evidence: string[] };
type DraftBadge = {
  id: string;
  slug: string;
  name: string;
  recognises: string;
  criteria: Criterion[];
  required: boolean;
  validityMonths: number;
  renewalExtra: string | null;
  alignments: { framework: string; code: string; name: string }[];
  color: string;
  position: number;
  rule: Record<string, unknown> | null;
};
type Versions = {
  collections: {
    id: string;
    version: string;
    name: string;
    status: "draft" | "published";
    inForce: boolean;
    publishedAt: string | null;
    labelTotal: number;
    labelValidityMonths: number;
    badgeCount: number;
    requiredCount: number;
  }[];
  draft: {
    id: string;
    badges: DraftBadge[];
    problems: { field: string; fr: string; en: string }[];
  } | null;
};
type History = {
  collections: {
    version: string;
    inForce: boolean;
    publishedAt: string | null;
    badges: { id: string; name: string }[];
  }[];
};
type Equivalence = {
  id: string;
  from: { id: string; name: string; collection: string };
  to: { id: string; name: string; collection: string };
};

function useRefresh() {
  const queryClient = useQueryClient();
  const programme = useProgramme();
  return () => {
    queryClient.invalidateQueries({ queryKey: ["manage-collections", programme] });
    queryClient.invalidateQueries({ queryKey: ["manage-equivalences"] });
    queryClient.invalidateQueries({ queryKey: ["history", programme] });
  };
}

/** One badge of the draft: every field, criteria with their expected evidence (one per line). */
/** Programme 2: how the badge is earned, as data (a competence and level, an aggregate, a participation). */
function RuleFields({ badge }: { badge: DraftBadge }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(String(badge.rule?.kind ?? "level"));
  return (
    <fieldset>
      <legend>{t("catalogueAdmin.rule.title")}</legend>
      <SelectField
        label={t("catalogueAdmin.rule.kind")}
        name="ruleKind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
      >
        {(["level", "aggregate", "participation"] as const).map((k) => (
          <option key={k} value={k}>
            {t(`catalogueAdmin.rule.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === "level" ? (
        <Field
          label={t("catalogueAdmin.rule.family")}
          hint={t("catalogueAdmin.rule.familyHint")}
          name="ruleFamily"
          defaultValue={String(badge.rule?.family ?? "")}
          required
        />
      ) : null}
      {kind !== "participation" ? (
        <Field
          label={t("catalogueAdmin.rule.level")}
          name="ruleLevel"
          type="number"
          min={1}
          max={9}
          defaultValue={Number(badge.rule?.level ?? 1)}
          required
        />
      ) : null}
      {kind === "aggregate" ? (
        <Field
          label={t("catalogueAdmin.rule.distinctFamilies")}
          name="ruleDistinct"
          type="number"
          min={1}
          max={20}
          defaultValue={Number(badge.rule?.distinctFamilies ?? 3)}
          required
        />
      ) : null}
      {kind === "participation" ? (
        <SelectField
          label={t("catalogueAdmin.rule.participation")}
          name="ruleParticipation"
          defaultValue={String(badge.rule?.participation ?? "participant")}
        >
          <option value="participant">{t("partner.onboarding.participant")}</option>
          <option value="ambassador">{t("partner.onboarding.ambassador")}</option>
        </SelectField>
      ) : null}
    </fieldset>
  );
}

/** The rule the form describes, as the API takes it. */
function ruleFrom(v: Record<string, string>) {
  if (v.ruleKind === "level")
    return { kind: "level", family: v.ruleFamily ?? "", level: Number(v.ruleLevel) };
  if (v.ruleKind === "aggregate")
    return {
      kind: "aggregate",
      level: Number(v.ruleLevel),
      distinctFamilies: Number(v.ruleDistinct),
    };
  return { kind: "participation", participation: v.ruleParticipation ?? "participant" };
}

function BadgeEditor({ badge, first, last }: { badge: DraftBadge; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const programme = useProgramme();
  const refresh = useRefresh();
  const [criteria, setCriteria] = useState<Criterion[]>(badge.criteria);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api("PATCH", `/api/manage/badges/${badge.id}`, body),
    onSuccess: refresh,
  });
  const move = useMutation({
    mutationFn: (direction: "up" | "down") =>
      api("POST", `/api/manage/badges/${badge.id}/move`, { direction }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api("DELETE", `/api/manage/badges/${badge.id}`),
    onSuccess: refresh,
  });
  return (
    <li className="card badge-editor">
      <details>
        <summary>
          <strong>{badge.name}</strong>
          {badge.required ? ` · ${t("catalogue.required")}` : ""}
          {` · ${t("catalogueAdmin.months", { count: badge.validityMonths })}`}
        </summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const v = formValues(event.currentTarget);
            save.mutate({
              name: v.name,
              slug: v.slug,
              recognises: v.recognises,
              required: v.required === "on",
              validityMonths: Number(v.validityMonths),
              renewalExtra: v.renewalExtra?.trim() ? v.renewalExtra : null,
              criteria: criteria.map((c) => ({
                statement: c.statement,
                evidence: c.evidence.filter((e) => e.trim()),
              })),
              ...(programme === "competences" ? { rule: ruleFrom(v) } : {}),
            });
          }}
        >
          <FormError error={save.error} />
          {save.isSuccess ? <Notice>{t("common.saved")}</Notice> : null}
          <Field label={t("catalogueAdmin.name")} name="name" defaultValue={badge.name} required />
          <Field
            label={t("catalogueAdmin.slug")}
            hint={t("catalogueAdmin.slugHint")}
            name="slug"
            defaultValue={badge.slug}
            required
          />
          <div className="field">
            <label htmlFor={`recognises-${badge.id}`}>{t("catalogueAdmin.recognises")}</label>
            <textarea
              id={`recognises-${badge.id}`}
              name="recognises"
              rows={3}
              defaultValue={badge.recognises}
            />
          </div>
          <div className="field field--check">
            <input
              type="checkbox"
              id={`required-${badge.id}`}
              name="required"
              defaultChecked={badge.required}
            />
            <label htmlFor={`required-${badge.id}`}>{t("catalogueAdmin.required")}</label>
          </div>
          <Field
            label={t("catalogueAdmin.validity")}
            name="validityMonths"
            type="number"
            min={1}
            max={120}
            defaultValue={badge.validityMonths}
            required
          />
          {programme === "competences" ? <RuleFields badge={badge} /> : null}
          <fieldset>
            <legend>{t("catalogueAdmin.criteria")}</legend>
            {criteria.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no identity but their place
              <div key={i} className="criterion-editor">
                <div className="field">
                  <label htmlFor={`statement-${badge.id}-${i}`}>
                    {t("catalogueAdmin.statement", { n: i + 1 })}
                  </label>
                  <textarea
                    id={`statement-${badge.id}-${i}`}
                    rows={2}
                    value={c.statement}
                    onChange={(e) =>
                      setCriteria(
                        criteria.map((x, j) => (j === i ? { ...x, statement: e.target.value } : x)),
                      )
                    }
                  />
                </div>
                <div className="field">
                  <label htmlFor={`evidence-${badge.id}-${i}`}>
                    {t("catalogueAdmin.evidence", { n: i + 1 })}
                  </label>
                  <p className="field__hint" id={`evidence-${badge.id}-${i}-hint`}>
                    {t("catalogueAdmin.evidenceHint")}
                  </p>
                  <textarea
                    id={`evidence-${badge.id}-${i}`}
                    aria-describedby={`evidence-${badge.id}-${i}-hint`}
                    rows={2}
                    value={c.evidence.join("\n")}
                    onChange={(e) =>
                      setCriteria(
                        criteria.map((x, j) =>
                          j === i ? { ...x, evidence: e.target.value.split("\n") } : x,
                        ),
                      )
                    }
                  />
                </div>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setCriteria(criteria.filter((_, j) => j !== i))}
                >
                  {t("catalogueAdmin.removeCriterion", { n: i + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setCriteria([...criteria, { statement: "", evidence: [] }])}
            >
              {t("catalogueAdmin.addCriterion")}
            </button>
          </fieldset>
          <div className="field">
            <label htmlFor={`renewal-${badge.id}`}>{t("catalogueAdmin.renewalExtra")}</label>
            <textarea
              id={`renewal-${badge.id}`}
              name="renewalExtra"
              rows={2}
              defaultValue={badge.renewalExtra ?? ""}
            />
          </div>
          <p className="links">
            <button type="submit" className="button" disabled={save.isPending}>
              {t("catalogueAdmin.saveBadge")}
              <span className="visually-hidden"> — {badge.name}</span>
            </button>
          </p>
        </form>
        <FormError error={move.error ?? remove.error} />
        <p className="links">
          <button
            type="button"
            className="button button--secondary"
            disabled={first}
            onClick={() => move.mutate("up")}
          >
            {t("catalogueAdmin.up")}
            <span className="visually-hidden"> — {badge.name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={last}
            onClick={() => move.mutate("down")}
          >
            {t("catalogueAdmin.down")}
            <span className="visually-hidden"> — {badge.name}</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (window.confirm(t("catalogueAdmin.removeConfirm", { name: badge.name })))
                remove.mutate();
            }}
          >
            {t("catalogueAdmin.remove")}
            <span className="visually-hidden"> — {badge.name}</span>
          </button>
        </p>
      </details>
    </li>
  );
}

function DraftEditor({ versions }: { versions: Versions }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const draft = versions.draft!;
  const collection = versions.collections.find((c) => c.id === draft.id)!;
  const rule = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api("PATCH", `/api/manage/collections/${draft.id}`, body),
    onSuccess: refresh,
  });
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api("POST", `/api/manage/collections/${draft.id}/badges`, body),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: () => api("POST", `/api/manage/collections/${draft.id}/publish`, {}),
    onSuccess: refresh,
  });
  const discard = useMutation({
    mutationFn: () => api("DELETE", `/api/manage/collections/${draft.id}`),
    onSuccess: refresh,
  });
  const en = i18n.language.startsWith("en");
  return (
    <section aria-labelledby="draft-title">
      <h2 id="draft-title">{t("catalogueAdmin.draftTitle", { version: collection.version })}</h2>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          rule.mutate({
            name: v.name,
            version: v.version,
            labelTotal: Number(v.labelTotal),
            labelValidityMonths: Number(v.labelValidityMonths),
          });
        }}
      >
        <h3>{t("catalogueAdmin.ruleTitle")}</h3>
        <FormError error={rule.error} />
        <Field
          label={t("catalogueAdmin.collectionName")}
          name="name"
          defaultValue={collection.name}
          required
        />
        <Field
          label={t("catalogueAdmin.version")}
          name="version"
          defaultValue={collection.version}
          required
        />
        <Field
          label={t("catalogueAdmin.labelTotal")}
          hint={t("catalogueAdmin.labelTotalHint")}
          name="labelTotal"
          type="number"
          min={1}
          defaultValue={collection.labelTotal}
          required
        />
        <Field
          label={t("catalogueAdmin.labelValidity")}
          name="labelValidityMonths"
          type="number"
          min={1}
          max={120}
          defaultValue={collection.labelValidityMonths}
          required
        />
        <button type="submit" className="button" disabled={rule.isPending}>
          {t("catalogueAdmin.saveRule")}
        </button>
      </form>
      {draft.problems.length ? (
        <div className="alert alert--warning" role="status">
          <p>
            <strong>{t("catalogueAdmin.problems", { count: draft.problems.length })}</strong>
          </p>
          <ul>
            {draft.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same problem may appear twice
              <li key={i}>{en ? p.en : p.fr}</li>
            ))}
          </ul>
        </div>
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
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const v = formValues(event.currentTarget);
          add.mutate({
            name: v.name,
            slug: v.slug,
            recognises: v.recognises ?? "",
            criteria: [
              {
                statement: v.statement ?? "",
                evidence: (v.evidence ?? "").split("\n").filter((e) => e.trim()),
              },
            ],
            required: false,
            validityMonths: Number(v.validityMonths),
            renewalExtra: null,
            alignments: [],
            color: "#1d6b3a",
          });
          if (add.isSuccess) event.currentTarget.reset();
        }}
      >
        <h3>{t("catalogueAdmin.addTitle")}</h3>
        <FormError error={add.error} />
        <Field label={t("catalogueAdmin.name")} name="name" required />
        <Field
          label={t("catalogueAdmin.slug")}
          hint={t("catalogueAdmin.slugHint")}
          name="slug"
          required
        />
        <div className="field">
          <label htmlFor="new-recognises">{t("catalogueAdmin.recognises")}</label>
          <textarea id="new-recognises" name="recognises" rows={2} />
        </div>
        <div className="field">
          <label htmlFor="new-statement">{t("catalogueAdmin.statement", { n: 1 })}</label>
          <textarea id="new-statement" name="statement" rows={2} />
        </div>
        <div className="field">
          <label htmlFor="new-evidence">{t("catalogueAdmin.evidence", { n: 1 })}</label>
          <textarea id="new-evidence" name="evidence" rows={2} />
        </div>
        <Field
          label={t("catalogueAdmin.validity")}
          name="validityMonths"
          type="number"
          min={1}
          max={120}
          defaultValue={48}
          required
        />
        <button type="submit" className="button" disabled={add.isPending}>
          {t("catalogueAdmin.add")}
        </button>
      </form>
      <FormError error={publish.error ?? discard.error} />
      <p className="links">
        <button
          type="button"
          className="button"
          disabled={publish.isPending || draft.problems.length > 0}
          onClick={() => {
            if (window.confirm(t("catalogueAdmin.publishConfirm", { version: collection.version })))
              publish.mutate();
          }}
        >
          {t("catalogueAdmin.publish", { version: collection.version })}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            if (window.confirm(t("catalogueAdmin.discardConfirm"))) discard.mutate();
          }}
        >
          {t("catalogueAdmin.discard")}
        </button>
      </p>
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

function Equivalences() {
  const programme = useProgramme();
  const { t } = useTranslation();
  const refresh = useRefresh();
  const list = useQuery({
    queryKey: ["manage-equivalences"],
    queryFn: () =>
      api<{ equivalences: Equivalence[] }>(
        "GET",
        `/api/manage/programmes/${programme}/equivalences`,
      ),
  });
  const history = useQuery({
    queryKey: ["history", programme],
    queryFn: () => api<History>("GET", `/api/public/programmes/${programme}/collections`),
  });
  const add = useMutation({
    mutationFn: (body: { fromBadgeId: string; toBadgeId: string }) =>
      api("POST", "/api/manage/equivalences", body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api("DELETE", `/api/manage/equivalences/${id}`),
    onSuccess: refresh,
  });
  const collections = history.data?.collections ?? [];
  const options = (filter: (c: History["collections"][number]) => boolean) =>
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
        <button type="submit" className="button" disabled={add.isPending}>
          {t("catalogueAdmin.addEquivalence")}
        </button>
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
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => remove.mutate(e.id)}
                  >
                    {t("catalogueAdmin.remove")}
                    <span className="visually-hidden">
                      {" "}
                      — {e.from.name} ({e.from.collection})
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** /gestion/catalogue — managers prepare the next collection, publish it, and map old badges to new ones. */
export function CatalogueAdminPage() {
  const { t, i18n } = useTranslation();
  const programme = useProgramme();
  const { data: me } = useMe();
  const refresh = useRefresh();
  usePageTitle(t("catalogueAdmin.title"));
  const query = useQuery({
    queryKey: ["manage-collections", programme],
    queryFn: () => api<Versions>("GET", `/api/manage/programmes/${programme}/collections`),
    enabled: hasRole(me, "programme_manager"),
    retry: false,
  });
  const create = useMutation({
    mutationFn: (body: { version: string; name: string }) =>
      api("POST", `/api/manage/programmes/${programme}/draft`, body),
    onSuccess: refresh,
  });
  if (!query.data) return <Unavailable query={query} title={t("catalogueAdmin.title")} />;
  const versions = query.data;
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
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{t("catalogueAdmin.versionsTitle")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("catalogueAdmin.version")}</th>
              <th scope="col">{t("catalogueAdmin.state")}</th>
              <th scope="col">{t("catalogueAdmin.badgesColumn")}</th>
              <th scope="col">{t("catalogueAdmin.ruleColumn")}</th>
              <th scope="col">{t("catalogueAdmin.publishedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.collections.map((c) => (
              <tr key={c.id}>
                <td>{c.version}</td>
                <td>
                  {c.status === "draft"
                    ? t("catalogueAdmin.draft")
                    : c.inForce
                      ? t("catalogueAdmin.inForce")
                      : t("catalogueAdmin.history")}
                </td>
                <td>{c.badgeCount}</td>
                <td>
                  {t("catalogueAdmin.ruleCell", { total: c.labelTotal, required: c.requiredCount })}
                </td>
                <td>{c.publishedAt ? formatDate(c.publishedAt, i18n.language) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <Link to={`/programmes/${programme}/historique`}>{t("history.link")}</Link>
        </p>
      </section>
      {versions.draft ? (
        <DraftEditor versions={versions} />
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
          <button type="submit" className="button" disabled={create.isPending}>
            {t("catalogueAdmin.createDraft")}
          </button>
        </form>
      )}
      <Equivalences />
    </>
  );
}
