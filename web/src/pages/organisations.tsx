import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { endpoints, type MemberRole, type OrgKind } from "../api/client";
import { Field, FormError, fieldError, formValues, Notice, SelectField } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

const kinds: OrgKind[] = ["region", "cfa", "ufa", "partner"];

export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("orgs.title"));
  const { data: me, isPending } = useMe();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<OrgKind | "">("");
  const list = useQuery({
    queryKey: ["organisations", q, kind],
    queryFn: () => endpoints.organisations({ q, kind }),
    enabled: !!me,
  });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;
  const canCreate = hasRole(me, "programme_manager") || hasRole(me, "platform_admin");

  return (
    <>
      <h1>{t("orgs.title")}</h1>
      <search className="filters">
        <Field
          label={t("orgs.search")}
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          label={t("orgs.kindFilter")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrgKind | "")}
        >
          <option value="">{t("orgs.allKinds")}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </search>
      <FormError error={list.error} />
      {list.data && list.data.organisations.length === 0 ? (
        <p className="empty">{t("orgs.empty")}</p>
      ) : null}
      {list.data && list.data.organisations.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("orgs.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("orgs.name")}</th>
                <th scope="col">{t("orgs.kind")}</th>
                <th scope="col">{t("orgs.city")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                  </th>
                  <td>{t(`kinds.${o.kind}`)}</td>
                  <td>{o.city ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canCreate ? <CreateOrganisation /> : null}
    </>
  );
}

function CreateOrganisation() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<OrgKind>("cfa");
  const cfas = useQuery({
    queryKey: ["organisations", "", "cfa"],
    queryFn: () => endpoints.organisations({ kind: "cfa" }),
  });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => endpoints.createOrganisation(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["organisations"] }),
  });
  const labels = {
    name: t("orgs.name"),
    siret: t("orgs.siret"),
    uai: t("orgs.uai"),
    contactEmail: t("orgs.contactEmail"),
    parentId: t("orgs.parent"),
    website: t("orgs.website"),
    city: t("orgs.city"),
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    create.mutate({
      name: v.name,
      kind,
      contactEmail: v.contactEmail,
      ...(kind === "ufa" ? { parentId: v.parentId || null } : {}),
      siret: v.siret || null,
      uai: v.uai || null,
      city: v.city || null,
      website: v.website || null,
    });
  };
  const err = (f: string) => fieldError(create.error, f);
  return (
    <section className="card" aria-labelledby="create-org">
      <h2 id="create-org">{t("orgs.createTitle")}</h2>
      {create.isSuccess ? (
        <Notice>
          {t("orgs.created")}{" "}
          <Link to={`/organisations/${create.data.id}`}>{create.data.name}</Link>
        </Notice>
      ) : null}
      <form onSubmit={submit} className="form" noValidate>
        <FormError error={create.error} labels={labels} />
        <Field label={labels.name} name="name" required error={err("name")} />
        <SelectField
          label={t("orgs.kind")}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrgKind)}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        {kind === "ufa" ? (
          <SelectField
            label={labels.parentId}
            name="parentId"
            hint={t("orgs.parentHint")}
            error={err("parentId")}
            defaultValue=""
          >
            <option value="">{t("orgs.choose")}</option>
            {cfas.data?.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="grid grid--2">
          <Field
            label={labels.siret}
            name="siret"
            inputMode="numeric"
            hint={t("orgs.siretHint")}
            optional
            error={err("siret")}
          />
          <Field
            label={labels.uai}
            name="uai"
            hint={t("orgs.uaiHint")}
            optional
            error={err("uai")}
          />
        </div>
        <Field
          label={labels.contactEmail}
          name="contactEmail"
          type="email"
          hint={t("orgs.contactHint")}
          required
          error={err("contactEmail")}
        />
        <div className="grid grid--2">
          <Field label={labels.city} name="city" optional error={err("city")} />
          <Field label={labels.website} name="website" type="url" optional error={err("website")} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t("orgs.create")}
        </button>
      </form>
    </section>
  );
}

export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const org = useQuery({
    queryKey: ["organisation", id],
    queryFn: () => endpoints.organisation(id),
    retry: false,
  });
  const members = useQuery({
    queryKey: ["members", id],
    queryFn: () => endpoints.members(id),
    retry: false,
    enabled: !!org.data,
  });
  usePageTitle(org.data?.name ?? t("orgs.title"));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["members", id] });
  const [notice, setNotice] = useState("");
  const setRole = useMutation({
    mutationFn: (v: { userId: string; role: MemberRole }) =>
      endpoints.setMemberRole(id, v.userId, v.role),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (v: { userId: string; name: string }) => endpoints.removeMember(id, v.userId),
    onSuccess: (_d, v) => {
      setNotice(t("org.removed", { name: v.name }));
      return refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (invitationId: string) => endpoints.cancelInvitation(id, invitationId),
    onSuccess: refresh,
  });
  const invite = useMutation({
    mutationFn: (v: { email: string; role: MemberRole }) => endpoints.invite(id, v.email, v.role),
    onSuccess: (inv) => {
      setNotice(t("org.invited", { email: inv.email }));
      return refresh();
    },
  });

  if (org.isPending) return <p>{t("common.loading")}</p>;
  if (org.error || !org.data) {
    return (
      <>
        <h1>{t("notFound.title")}</h1>
        <FormError error={org.error} />
        <Link to="/organisations">{t("common.back")}</Link>
      </>
    );
  }
  const o = org.data;
  const manage = o.can.manageMembers;

  return (
    <>
      <p className="chip">{t(`kinds.${o.kind}`)}</p>
      <h1>{o.name}</h1>
      <p>
        <Link to={`/organisations/${o.id}/badges`}>{t("credential.listTitle")}</Link>
        {o.kind === "cfa" ? (
          <>
            {" · "}
            <Link to={`/organisations/${o.id}/label`}>{t("label.link")}</Link>
            {" · "}
            <Link to={`/passports/${o.slug}`}>{t("passport.link")}</Link>
          </>
        ) : null}
        {o.kind === "partner" ? (
          <>
            {" · "}
            <Link to={`/organisations/${o.id}/partenaire`}>{t("partner.link")}</Link>
          </>
        ) : null}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <section className="card" aria-labelledby="details">
        <h2 id="details">{t("org.details")}</h2>
        <dl className="details">
          {o.parent ? (
            <>
              <dt>{t("org.parent")}</dt>
              <dd>
                <Link to={`/organisations/${o.parent.id}`}>{o.parent.name}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("orgs.siret")}</dt>
          <dd>{o.siret ?? "—"}</dd>
          <dt>{t("orgs.uai")}</dt>
          <dd>{o.uai ?? "—"}</dd>
          <dt>{t("orgs.contactEmail")}</dt>
          <dd>{o.contactEmail}</dd>
          <dt>{t("orgs.city")}</dt>
          <dd>{o.city ?? "—"}</dd>
        </dl>
        {o.kind === "cfa" ? (
          <>
            <h3>{t("org.sites")}</h3>
            {o.children.length === 0 ? (
              <p className="muted">{t("org.noSites")}</p>
            ) : (
              <ul>
                {o.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/organisations/${c.id}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </section>

      {members.data ? (
        <section aria-labelledby="members">
          <h2 id="members">{t("org.members")}</h2>
          <FormError error={setRole.error ?? remove.error} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("org.members")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("orgs.name")}</th>
                  <th scope="col">{t("org.email")}</th>
                  <th scope="col">{t("org.role")}</th>
                  <th scope="col">{t("org.joined")}</th>
                  {manage ? <th scope="col">{t("org.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.data.members.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">{m.name}</th>
                    <td>{m.email}</td>
                    <td>
                      {manage ? (
                        <select
                          aria-label={t("org.changeRole", { name: m.name })}
                          value={m.role}
                          onChange={(e) =>
                            setRole.mutate({ userId: m.userId, role: e.target.value as MemberRole })
                          }
                        >
                          <option value="member">{t("memberRoles.member")}</option>
                          <option value="admin">{t("memberRoles.admin")}</option>
                        </select>
                      ) : (
                        t(`memberRoles.${m.role}`)
                      )}
                    </td>
                    <td>{formatDate(m.joinedAt, i18n.language)}</td>
                    {manage ? (
                      <td>
                        <button
                          type="button"
                          className="button button--danger button--small"
                          onClick={() => {
                            if (window.confirm(t("org.removeConfirm", { name: m.name })))
                              remove.mutate(m);
                          }}
                        >
                          {t("org.remove")}
                          <span className="visually-hidden"> {m.name}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {manage ? (
            <>
              <h3>{t("org.invitations")}</h3>
              {members.data.invitations.length === 0 ? (
                <p className="muted">{t("org.noInvitations")}</p>
              ) : (
                <ul className="plain list">
                  {members.data.invitations.map((inv) => (
                    <li key={inv.id}>
                      <strong>{inv.email}</strong> · {t(`memberRoles.${inv.role}`)} ·{" "}
                      {t("org.expires", { date: formatDate(inv.expiresAt, i18n.language) })}{" "}
                      <button
                        type="button"
                        className="button button--ghost-dark button--small"
                        aria-label={t("org.cancelInvitation", { email: inv.email })}
                        onClick={() => cancel.mutate(inv.id)}
                      >
                        {t("common.cancel")}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <InviteForm
                pending={invite.isPending}
                error={invite.error}
                onInvite={(email, role) => invite.mutate({ email, role })}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function InviteForm({
  onInvite,
  pending,
  error,
}: {
  onInvite: (email: string, role: MemberRole) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="card form"
      aria-labelledby="invite-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        onInvite(v.email ?? "", (v.role as MemberRole) ?? "member");
        e.currentTarget.reset();
      }}
    >
      <h3 id="invite-title">{t("org.inviteTitle")}</h3>
      <p className="muted">{t("org.inviteHint")}</p>
      <FormError error={error} labels={{ email: t("org.email"), role: t("org.role") }} />
      <div className="grid grid--2">
        <Field
          label={t("org.email")}
          name="email"
          type="email"
          required
          error={fieldError(error, "email")}
        />
        <SelectField label={t("org.role")} name="role" defaultValue="member">
          <option value="member">{t("memberRoles.member")}</option>
          <option value="admin">{t("memberRoles.admin")}</option>
        </SelectField>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("org.inviteSubmit")}
      </button>
    </form>
  );
}
