import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api, endpoints } from "../api/client";
import {
  Field,
  FormError,
  formValues,
  Notice,
  SelectField,
  Unavailable,
} from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type OwnBadge = {
  id: string;
  name: string;
  recognises: string;
  validityMonths: number;
  color: string;
  awarded: number;
  image: string;
  url: string;
};
type Award = {
  id: string;
  email: string;
  issuedAt: string;
  status: string;
  claimState: string;
  url: string;
};
type Batch = {
  id: string;
  lines: number;
  processed: number;
  issued: number;
  alreadyHeld: number;
  refused: { line: number; email: string; reason: string }[];
  finished: boolean;
};
type Target = { badgeClassId: string; name: string; family: string; level: number };
type Registration = {
  id: string;
  organisation: { id: string; name: string };
  justification: string;
  source: "url" | "json" | "blason";
  name: string;
  badgeClassIri: string;
  issuerIri: string | null;
  issuerProof: "blason" | "credential" | null;
  target: { family: string; level: number; equivalence: "one_for_one" | "three_for_one" };
  proposal: {
    family: string;
    level: number;
    equivalence: "one_for_one" | "three_for_one";
    note: string;
  } | null;
  state: string;
  approvedAt: string | null;
  motivation: string | null;
  createdAt: string;
};
type ApiClient = {
  id: string;
  name: string;
  secretPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

const path = (url: string) => new URL(url).pathname;

const equivalences = ["one_for_one", "three_for_one"] as const;

/** The regional competences and levels a partner badge may aim at. */
const useTargets = () =>
  useQuery({
    queryKey: ["competence-targets"],
    queryFn: () => api<{ targets: Target[] }>("GET", "/api/competences/targets"),
    staleTime: 5 * 60_000,
  });

/** A group of radio buttons under its legend: controlled with `value`, or left to the form. */
function Choices<V extends string>(props: {
  legend: string;
  name: string;
  options: { value: V; label: string }[];
  value?: V;
  onChange?: (value: V) => void;
  defaultValue?: V;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            {...(props.value !== undefined
              ? { checked: props.value === o.value, onChange: () => props.onChange?.(o.value) }
              : { defaultChecked: props.defaultValue === o.value })}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

type Onboarding = {
  kind: "participant" | "ambassador";
  badgeClassId: string;
  request: { id: string; state: string } | null;
  validUntil: string | null;
  active: boolean;
};

const useOwnBadges = (orgId: string) =>
  useQuery({
    queryKey: ["own-badges", orgId],
    queryFn: () =>
      api<{ participant: boolean; onboarding: Onboarding[]; badges: OwnBadge[] }>(
        "GET",
        `/api/organisations/${orgId}/own-badges`,
      ),
  });

/**
 * One CSV upload: the job's progress, read every second until it is done,
 * counted in lines of the file. Every line is issued, already held or refused
 * (with its number and why), so the three counts add up to the lines.
 */
function BatchProgress({
  orgId,
  badgeId,
  batch,
}: {
  orgId: string;
  badgeId: string;
  batch: Batch;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ["award-batch", batch.id],
    queryFn: () => api<Batch>("GET", `/api/organisations/${orgId}/award-batches/${batch.id}`),
    initialData: batch,
    refetchInterval: (query) => (query.state.data?.finished ? false : 1000),
  });
  const b = progress.data;
  useEffect(() => {
    if (!b.finished) return;
    queryClient.invalidateQueries({ queryKey: ["own-badges", orgId] });
    queryClient.invalidateQueries({ queryKey: ["awards", badgeId] });
  }, [b.finished, orgId, badgeId, queryClient]);
  const id = useId();
  return (
    <div className="card" aria-live="polite">
      <label htmlFor={id}>
        {b.finished
          ? t("partner.batchDone", { count: b.lines })
          : t("partner.batchRunning", { processed: b.processed, count: b.lines })}
      </label>
      <progress id={id} max={b.lines} value={b.processed} />
      <ul>
        <li>{t("partner.batchIssued", { count: b.issued })}</li>
        <li>{t("partner.batchAlreadyHeld", { count: b.alreadyHeld })}</li>
        <li>{t("partner.batchRefused", { count: b.refused.length })}</li>
      </ul>
      {b.refused.length ? (
        <ul>
          {b.refused.map((p) => (
            <li key={`${p.line}-${p.email}`}>
              {t("partner.line", { line: p.line })} — {p.email || "—"} : {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function OwnBadgeCard({ orgId, badge }: { orgId: string; badge: OwnBadge }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [batch, setBatch] = useState<Batch | null>(null);
  const fileId = useId();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["own-badges", orgId] });
    queryClient.invalidateQueries({ queryKey: ["awards", badge.id] });
  };
  const awards = useQuery({
    queryKey: ["awards", badge.id],
    queryFn: () =>
      api<{ awards: Award[] }>("GET", `/api/organisations/${orgId}/own-badges/${badge.id}/awards`),
  });
  // Holders are the awards not revoked, as the card's count and the public figures count them.
  const list = awards.data?.awards ?? [];
  const revokedCount = list.filter((a) => a.status === "revoked").length;
  const holdersText = [
    t("partner.holders", { count: list.length - revokedCount }),
    ...(revokedCount ? [t("partner.revokedCount", { count: revokedCount })] : []),
  ].join(" · ");
  const award = useMutation({
    mutationFn: (body: { email: string; name: string }) =>
      api<{ created: boolean }>(
        "POST",
        `/api/organisations/${orgId}/own-badges/${badge.id}/awards`,
        body,
      ),
    onSuccess: refresh,
  });
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api<Batch>("POST", `/api/organisations/${orgId}/own-badges/${badge.id}/award-batches`, {
        csv: await file.text(),
      }),
    onSuccess: (started) => setBatch(started),
  });
  const revoke = useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api("POST", `/api/organisations/${orgId}/own-badges/${badge.id}/awards/${input.id}/revoke`, {
        reason: input.reason,
      }),
    onSuccess: refresh,
  });
  return (
    <li className="card">
      <div className="badge-row">
        <img src={path(badge.image)} alt="" width={64} height={64} />
        <div>
          <h3>
            <Link to={path(badge.url)}>{badge.name}</Link>
          </h3>
          <p className="muted">
            {t("partner.awarded", { count: badge.awarded })} ·{" "}
            {t("partner.validity", { count: badge.validityMonths })}
          </p>
        </div>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const v = formValues(form);
          award.mutate(
            { email: v.email ?? "", name: v.name ?? "" },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <h4>{t("partner.awardOne")}</h4>
        <FormError error={award.error} />
        {award.isSuccess ? (
          <Notice>
            {award.data.created ? t("partner.awardedOk") : t("partner.awardedAlready")}
          </Notice>
        ) : null}
        <Field label={t("partner.email")} name="email" type="email" required />
        <Field label={t("partner.personName")} name="name" required maxLength={200} />
        <button type="submit" className="button" disabled={award.isPending}>
          {t("partner.award")}
          <span className="visually-hidden"> — {badge.name}</span>
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("csv") as HTMLInputElement;
          const file = input.files?.[0];
          if (file) upload.mutate(file);
        }}
      >
        <h4>{t("partner.awardCsv")}</h4>
        <FormError error={upload.error} />
        <div className="field">
          <label htmlFor={fileId}>{t("partner.csvFile")}</label>
          <p className="field__hint" id={`${fileId}-hint`}>
            {t("partner.csvHint")}
          </p>
          <input
            id={fileId}
            name="csv"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-describedby={`${fileId}-hint`}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={upload.isPending}>
          {t("partner.sendCsv")}
          <span className="visually-hidden"> — {badge.name}</span>
        </button>
      </form>
      {batch ? <BatchProgress orgId={orgId} badgeId={badge.id} batch={batch} /> : null}
      {awards.data?.awards.length ? (
        <details>
          <summary>{holdersText}</summary>
          <FormError error={revoke.error} />
          <table>
            <caption className="visually-hidden">{holdersText}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partner.email")}</th>
                <th scope="col">{t("partner.issuedAt")}</th>
                <th scope="col">{t("partner.status")}</th>
                <th scope="col">{t("partner.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {awards.data.awards.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={path(a.url)}>{a.email}</Link>
                  </td>
                  <td>{formatDate(a.issuedAt, i18n.language)}</td>
                  <td>{t(`credential.status.${a.status}`, { defaultValue: a.status })}</td>
                  <td>
                    {a.status === "revoked" ? null : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => {
                          const reason = window.prompt(t("partner.revokeReason"));
                          if (reason) revoke.mutate({ id: a.id, reason });
                        }}
                      >
                        {t("partner.revoke")}
                        <span className="visually-hidden"> — {a.email}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </li>
  );
}

/** The Participant and Ambassadeur badges: where the partner stands, and the request to make. */
function Participation({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const own = useOwnBadges(orgId);
  const request = useMutation({
    mutationFn: (badgeClassId: string) =>
      api<{ id: string }>("POST", "/api/applications", { organisationId: orgId, badgeClassId }),
    onSuccess: (created) => navigate(`/demandes/${created.id}`),
  });
  const rows = own.data?.onboarding ?? [];
  return (
    <section aria-labelledby="participation-title">
      <h2 id="participation-title">{t("partner.participationTitle")}</h2>
      <p>{t("partner.participationIntro")}</p>
      <FormError error={request.error} />
      <ul className="plain">
        {rows.map((o) => (
          <li key={o.kind} className="card">
            <h3>{t(`partner.onboarding.${o.kind}`)}</h3>
            {o.active ? (
              <p>
                <span className="chip">{t("partner.active")}</span>{" "}
                {o.validUntil
                  ? t("partner.activeUntil", { date: formatDate(o.validUntil, i18n.language) })
                  : null}
              </p>
            ) : o.request && !["refused", "withdrawn", "granted"].includes(o.request.state) ? (
              <p>
                <Link to={`/demandes/${o.request.id}`}>
                  {t("partner.requestOpen", {
                    state: t(`applications.states.${o.request.state}`, {
                      defaultValue: o.request.state,
                    }),
                  })}
                </Link>
              </p>
            ) : o.kind === "ambassador" && !own.data?.participant ? (
              <p className="muted">{t("partner.ambassadorNeedsParticipant")}</p>
            ) : (
              <button
                type="button"
                className="button"
                disabled={request.isPending}
                onClick={() => request.mutate(o.badgeClassId)}
              >
                {t(`partner.request.${o.kind}`)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function OwnBadges({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const own = useOwnBadges(orgId);
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api("POST", `/api/organisations/${orgId}/own-badges`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["own-badges", orgId] }),
  });
  const ids = { recognises: useId(), criteria: useId() };
  if (own.error) return <FormError error={own.error} />;
  const data = own.data;
  return (
    <section aria-labelledby="own-title">
      <h2 id="own-title">{t("partner.ownTitle")}</h2>
      <p>{t("partner.ownIntro")}</p>
      {data && !data.participant ? (
        <div className="alert alert--info">
          <p>{t("partner.notParticipant")}</p>
        </div>
      ) : null}
      <ul className="plain">
        {data?.badges.map((b) => (
          <OwnBadgeCard key={b.id} orgId={orgId} badge={b} />
        ))}
      </ul>
      {data?.participant ? (
        <details className="card">
          <summary>{t("partner.createTitle")}</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const v = formValues(form);
              create.mutate(
                {
                  name: v.name,
                  recognises: v.recognises,
                  criteria: (v.criteria ?? "")
                    .split("\n")
                    .map((s) => s.trim())
                    .filter(Boolean)
                    .map((statement) => ({ statement, evidence: [] })),
                  validityMonths: Number(v.validityMonths),
                  color: v.color,
                },
                { onSuccess: () => form.reset() },
              );
            }}
          >
            <FormError error={create.error} />
            <Field label={t("partner.badgeName")} name="name" required minLength={2} />
            <div className="field">
              <label htmlFor={ids.recognises}>{t("partner.recognises")}</label>
              <textarea id={ids.recognises} name="recognises" rows={3} required minLength={10} />
            </div>
            <div className="field">
              <label htmlFor={ids.criteria}>{t("partner.criteria")}</label>
              <p className="field__hint" id={`${ids.criteria}-hint`}>
                {t("partner.criteriaHint")}
              </p>
              <textarea
                id={ids.criteria}
                name="criteria"
                rows={4}
                required
                aria-describedby={`${ids.criteria}-hint`}
              />
            </div>
            <Field
              label={t("partner.validityMonths")}
              name="validityMonths"
              type="number"
              min={1}
              max={120}
              defaultValue={36}
              required
            />
            <Field label={t("partner.color")} name="color" type="color" defaultValue="#1f5f8b" />
            <button type="submit" className="button" disabled={create.isPending}>
              {t("partner.create")}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

type TargetRef = { family: string; level: number; equivalence: string };

/** "Communiquer, niveau I — Je pratique (3 pour 1)": a target as people read it. */
function useTargetText() {
  const { t } = useTranslation();
  const targets = useTargets();
  return (x: TargetRef) => {
    const name =
      targets.data?.targets.find((g) => g.family === x.family && g.level === x.level)?.name ??
      `${x.family} ${x.level}`;
    return `${name} (${t(`partner.equivalence.${x.equivalence}`)})`;
  };
}

function RegistrationItem({ registration: r }: { registration: Registration }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (value: "accept" | "refuse") =>
      api("POST", `/api/partner-registrations/${r.id}/proposal`, { answer: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registrations"] }),
  });
  const targetText = useTargetText();
  return (
    <li className="card">
      <h3>{r.name}</h3>
      <p className="muted">
        {targetText(r.target)} · <span className="chip">{t(`partner.states.${r.state}`)}</span>
        {r.approvedAt
          ? ` · ${t("partner.approvedOn", { date: formatDate(r.approvedAt, i18n.language) })}`
          : ""}
      </p>
      {r.motivation ? (
        <p>
          <strong>{t("partner.regionSays")}</strong> {r.motivation}
        </p>
      ) : null}
      {r.issuerProof === null ? (
        <p className="alert alert--warning">{t("partner.issuerUnproven")}</p>
      ) : null}
      {r.proposal && r.state === "requalification_proposed" ? (
        <div className="alert alert--info">
          <p>
            {t("partner.proposal")} {targetText(r.proposal)}
          </p>
          <FormError error={answer.error} />
          <p className="links">
            <button type="button" className="button" onClick={() => answer.mutate("accept")}>
              {t("partner.acceptProposal")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => answer.mutate("refuse")}
            >
              {t("partner.refuseProposal")}
            </button>
          </p>
        </div>
      ) : null}
    </li>
  );
}

/** A file as a data URL: how a baked badge image travels in a JSON body. */
const dataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * The proof that the badge is the partner's: one of its credentials, issued
 * from its platform to the organisation's proof address, pasted or as its
 * baked image.
 */
function IssuerProofFields({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const ids = { intro: useId(), text: useId(), file: useId() };
  const proof = useQuery({
    queryKey: ["issuer-proof", orgId],
    queryFn: () =>
      api<{ recipient: string; ownIssuer: string }>(
        "GET",
        `/api/organisations/${orgId}/issuer-proof`,
      ),
  });
  return (
    <fieldset aria-describedby={ids.intro}>
      <legend>{t("partner.proofLegend")}</legend>
      <p id={ids.intro}>
        {t("partner.proofIntro")} {proof.data ? <code>{proof.data.recipient}</code> : "…"}
      </p>
      <div className="field">
        <label htmlFor={ids.text}>{t("partner.proof")}</label>
        <textarea id={ids.text} name="proof" rows={4} />
      </div>
      <div className="field">
        <label htmlFor={ids.file}>{t("partner.proofFile")}</label>
        <input id={ids.file} name="proofFile" type="file" accept="image/png,image/svg+xml" />
      </div>
    </fieldset>
  );
}

function Registrations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<"url" | "json" | "blason">("url");
  const ids = { justification: useId(), json: useId() };
  const list = useQuery({
    queryKey: ["registrations", orgId],
    queryFn: () =>
      api<{ registrations: Registration[] }>(
        "GET",
        `/api/partner-registrations?organisationId=${orgId}`,
      ),
  });
  const targets = useTargets();
  const own = useOwnBadges(orgId);
  const submit = useMutation({
    mutationFn: async (input: { body: Record<string, unknown>; proofFile: File | null }) =>
      api("POST", "/api/partner-registrations", {
        ...input.body,
        ...(input.proofFile ? { proof: await dataUrl(input.proofFile) } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registrations"] }),
  });
  return (
    <section aria-labelledby="registrations-title">
      <h2 id="registrations-title">{t("partner.registrationsTitle")}</h2>
      <p>{t("partner.registrationsIntro")}</p>
      {list.data?.registrations.length === 0 ? (
        <p className="empty">{t("partner.noRegistration")}</p>
      ) : null}
      <ul className="plain">
        {list.data?.registrations.map((r) => (
          <RegistrationItem key={r.id} registration={r} />
        ))}
      </ul>
      <details className="card">
        <summary>{t("partner.registerTitle")}</summary>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const v = formValues(form);
            const [family, level] = (v.target ?? "").split("|");
            const file = new FormData(form).get("proofFile");
            submit.mutate(
              {
                body: {
                  organisationId: orgId,
                  source,
                  ...(source === "url" ? { url: v.url } : {}),
                  ...(source === "json" ? { json: v.json } : {}),
                  ...(source === "blason" ? { badgeClassId: v.badgeClassId } : {}),
                  target: {
                    family,
                    level: Number(level),
                    equivalence: v.equivalence,
                  },
                  justification: v.justification,
                  ...(v.issuerIri ? { issuerIri: v.issuerIri } : {}),
                  ...(source !== "blason" && v.proof?.trim() ? { proof: v.proof.trim() } : {}),
                },
                proofFile:
                  source !== "blason" && file instanceof File && file.size > 0 ? file : null,
              },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <FormError
            error={submit.error}
            labels={{
              proof: t("partner.proofLegend"),
              issuerIri: t("partner.issuerIri"),
              document: t("partner.badgeDocument"),
            }}
          />
          {submit.isSuccess ? <Notice>{t("partner.registered")}</Notice> : null}
          <Choices
            legend={t("partner.source")}
            name="source"
            options={(["url", "json", "blason"] as const).map((s) => ({
              value: s,
              label: t(`partner.sources.${s}`),
            }))}
            value={source}
            onChange={setSource}
          />
          {source === "url" ? (
            <Field label={t("partner.url")} name="url" type="url" required />
          ) : null}
          {source === "json" ? (
            <div className="field">
              <label htmlFor={ids.json}>{t("partner.json")}</label>
              <textarea id={ids.json} name="json" rows={6} required />
            </div>
          ) : null}
          {source === "blason" ? (
            <SelectField
              label={t("partner.ownBadge")}
              name="badgeClassId"
              hint={t("partner.ownBadgeHint")}
              required
            >
              {own.data?.badges.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label={t("partner.targetLabel")} name="target" required>
            {targets.data?.targets.map((x) => (
              <option key={x.badgeClassId} value={`${x.family}|${x.level}`}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <Choices
            legend={t("partner.equivalenceLabel")}
            name="equivalence"
            options={equivalences.map((e) => ({
              value: e,
              label: `${t(`partner.equivalence.${e}`)} — ${t(`partner.equivalenceHint.${e}`)}`,
            }))}
            defaultValue="one_for_one"
          />
          <div className="field">
            <label htmlFor={ids.justification}>{t("partner.justification")}</label>
            <textarea
              id={ids.justification}
              name="justification"
              rows={4}
              required
              minLength={10}
            />
          </div>
          {source !== "blason" ? (
            <>
              <Field
                label={t("partner.issuerIri")}
                name="issuerIri"
                hint={t("partner.issuerIriHint")}
                optional
              />
              <IssuerProofFields orgId={orgId} />
            </>
          ) : null}
          <button type="submit" className="button" disabled={submit.isPending}>
            {t("partner.register")}
          </button>
        </form>
      </details>
    </section>
  );
}

function ApiKeys({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ["api-clients", orgId],
    queryFn: () => api<{ clients: ApiClient[] }>("GET", `/api/organisations/${orgId}/api-clients`),
    retry: false,
  });
  const create = useMutation({
    mutationFn: (name: string) =>
      api<ApiClient & { secret: string }>("POST", `/api/organisations/${orgId}/api-clients`, {
        name,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-clients", orgId] }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      api("POST", `/api/organisations/${orgId}/api-clients/${id}/revoke`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-clients", orgId] }),
  });
  // Only the partner's administrators manage keys: others are not shown this section.
  if (list.error) return null;
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t("partner.keysTitle")}</h2>
      <p>{t("partner.keysIntro")}</p>
      {create.data ? (
        <div className="alert alert--info" role="status">
          <p>{t("partner.secretOnce")}</p>
          <p>
            <code>{create.data.secret}</code>
          </p>
        </div>
      ) : null}
      <FormError error={revoke.error} />
      <ul className="plain">
        {list.data?.clients.map((c) => (
          <li key={c.id} className="card">
            <strong>{c.name}</strong> <code>{c.secretPrefix}…</code>
            <p className="muted">
              {t("partner.keyCreated", { date: formatDate(c.createdAt, i18n.language) })}
              {c.lastUsedAt
                ? ` · ${t("partner.keyUsed", { date: formatDate(c.lastUsedAt, i18n.language) })}`
                : ""}
              {c.revokedAt ? ` · ${t("partner.keyRevoked")}` : ""}
            </p>
            {c.revokedAt ? null : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => revoke.mutate(c.id)}
              >
                {t("partner.revokeKey")}
                <span className="visually-hidden"> — {c.name}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          create.mutate(formValues(form).name ?? "", { onSuccess: () => form.reset() });
        }}
      >
        <FormError error={create.error} />
        <Field label={t("partner.keyName")} name="name" required minLength={2} />
        <button type="submit" className="button">
          {t("partner.createKey")}
        </button>
      </form>
    </section>
  );
}

/** /organisations/:id/partenaire — a partner's space in "La Normandie badge les compétences". */
export function PartnerPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const org = useQuery({
    queryKey: ["organisation", id],
    queryFn: () => endpoints.organisation(id),
    retry: false,
  });
  usePageTitle(org.data ? t("partner.title", { name: org.data.name }) : t("common.loading"));
  if (!org.data) return <Unavailable query={org} title={t("partner.titleShort")} />;
  return (
    <>
      <p className="chip">{t("kinds.partner")}</p>
      <h1>{t("partner.title", { name: org.data.name })}</h1>
      <p className="lead">{t("partner.intro")}</p>
      <p>
        <Link to={`/organisations/${id}`}>{t("partner.backToOrg")}</Link>
      </p>
      <Participation orgId={id} />
      <OwnBadges orgId={id} />
      <Registrations orgId={id} />
      <ApiKeys orgId={id} />
    </>
  );
}

/** A manager's decision on one registration: approve, refuse, or propose another target. */
function DecisionForm({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<"approve" | "refuse" | "requalify">("approve");
  const ids = { motivation: useId() };
  const targets = useTargets();
  const decide = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api("POST", `/api/partner-registrations/${r.id}/decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registrations"] }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const v = formValues(event.currentTarget);
        const [family, level] = (v.target ?? "").split("|");
        decide.mutate({
          decision,
          motivation: v.motivation ?? "",
          ...(decision === "requalify"
            ? { proposal: { family, level: Number(level), equivalence: v.equivalence } }
            : {}),
        });
      }}
    >
      <FormError error={decide.error} />
      <Choices
        legend={t("partnerAdmin.decision")}
        name="decision"
        options={(["approve", "refuse", "requalify"] as const).map((d) => ({
          value: d,
          label: t(`partnerAdmin.decisions.${d}`),
        }))}
        value={decision}
        onChange={setDecision}
      />
      {decision === "requalify" ? (
        <>
          <SelectField
            label={t("partnerAdmin.proposedTarget")}
            name="target"
            required
            defaultValue={`${r.target.family}|${r.target.level}`}
          >
            {targets.data?.targets.map((x) => (
              <option key={x.badgeClassId} value={`${x.family}|${x.level}`}>
                {x.name}
              </option>
            ))}
          </SelectField>
          <Choices
            legend={t("partner.equivalenceLabel")}
            name="equivalence"
            options={equivalences.map((e) => ({
              value: e,
              label: t(`partner.equivalence.${e}`),
            }))}
            defaultValue={r.target.equivalence}
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={ids.motivation}>{t("partnerAdmin.motivation")}</label>
        <textarea
          id={ids.motivation}
          name="motivation"
          rows={3}
          required={decision !== "approve"}
          minLength={decision === "approve" ? 0 : 3}
        />
      </div>
      <button type="submit" className="button" disabled={decide.isPending}>
        {t("partnerAdmin.record")}
        <span className="visually-hidden"> — {r.name}</span>
      </button>
    </form>
  );
}

/** /gestion/partenaires — managers decide the partners' badge registrations. */
export function RegistrationsAdminPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("partnerAdmin.title"));
  const targetText = useTargetText();
  const list = useQuery({
    queryKey: ["registrations", "all"],
    queryFn: () => api<{ registrations: Registration[] }>("GET", "/api/partner-registrations"),
    retry: false,
  });
  if (!list.data) return <Unavailable query={list} title={t("partnerAdmin.title")} />;
  const open = list.data.registrations.filter(
    (r) => r.state === "submitted" || r.state === "requalification_proposed",
  );
  const done = list.data.registrations.filter((r) => !open.includes(r));
  return (
    <>
      <h1>{t("partnerAdmin.title")}</h1>
      <p className="lead">{t("partnerAdmin.intro")}</p>
      <section aria-labelledby="open-registrations">
        <h2 id="open-registrations">{t("partnerAdmin.open", { count: open.length })}</h2>
        {open.length === 0 ? <p className="empty">{t("partnerAdmin.none")}</p> : null}
        <ul className="plain">
          {open.map((r) => (
            <li key={r.id} className="card">
              <h3>{r.name}</h3>
              <p className="muted">
                {r.organisation.name} · {formatDate(r.createdAt, i18n.language)} ·{" "}
                <span className="chip">{t(`partner.states.${r.state}`)}</span>
              </p>
              <p>
                {t("partnerAdmin.aims")} {targetText(r.target)}
              </p>
              <p>
                <strong>{t("partnerAdmin.justification")}</strong> {r.justification}
              </p>
              <p className="muted">
                {t("partnerAdmin.badgeClass")} <code>{r.badgeClassIri}</code>
              </p>
              <p className="muted">
                {t("partnerAdmin.issuer")} <code>{r.issuerIri}</code> —{" "}
                {t(`partnerAdmin.issuerProof.${r.issuerProof ?? "none"}`)}
              </p>
              {r.state === "submitted" ? (
                <DecisionForm registration={r} />
              ) : r.proposal ? (
                <p>
                  {t("partnerAdmin.waitingPartner")} {targetText(r.proposal)}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="done-registrations">
        <h2 id="done-registrations">{t("partnerAdmin.done", { count: done.length })}</h2>
        <ul className="plain">
          {done.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong> — {r.organisation.name} · {targetText(r.target)} ·{" "}
              <span className="chip">{t(`partner.states.${r.state}`)}</span>
              {r.approvedAt
                ? ` · ${t("partner.approvedOn", { date: formatDate(r.approvedAt, i18n.language) })}`
                : ""}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
