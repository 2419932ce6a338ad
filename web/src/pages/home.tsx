import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { endpoints, type OrgKind } from "../api/client";
import { FormError, Notice } from "../components/forms";
import { hasRole, useMe, usePageTitle } from "../components/hooks";
import { Shield } from "../components/Shield";
import { ReviewerAssignments } from "./applications";

export function PublicHomePage() {
  const { t } = useTranslation();
  usePageTitle(t("layout.home"));
  const { data: me } = useMe();
  return (
    <>
      <section className="hero">
        <div>
          <h1>{t("publicHome.title")}</h1>
          <p className="lead">{t("publicHome.lead")}</p>
          <Link className="button button--large" to={me ? "/accueil" : "/connexion"}>
            {t("publicHome.cta")}
          </Link>
        </div>
        <div className="hero__art" aria-hidden="true">
          <Shield size={180} />
        </div>
      </section>
      <div className="grid grid--2">
        <section className="card card--accent">
          <h2>{t("publicHome.labelTitle")}</h2>
          <p>{t("publicHome.labelText")}</p>
          <Link to="/programmes/label-cfa">{t("catalogue.link")}</Link>
        </section>
        <section className="card card--accent">
          <h2>{t("publicHome.skillsTitle")}</h2>
          <p>{t("publicHome.skillsText")}</p>
        </section>
      </div>
      <section className="card">
        <h2>{t("publicHome.whatTitle")}</h2>
        <p>{t("publicHome.whatText")}</p>
      </section>
    </>
  );
}

const kindOrder: OrgKind[] = ["region", "cfa", "ufa", "partner"];

export function DashboardPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  usePageTitle(t("layout.dashboard"));
  const isManager = hasRole(me, "programme_manager");
  const isAdmin = hasRole(me, "platform_admin");
  const isReviewer = hasRole(me, "reviewer");
  const orgs = useQuery({
    queryKey: ["organisations", "all"],
    queryFn: () => endpoints.organisations(),
    enabled: isManager,
  });
  const health = useQuery({ queryKey: ["health"], queryFn: endpoints.health, enabled: isAdmin });
  const resend = useMutation({ mutationFn: endpoints.resendVerification });
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!me) return <Navigate to="/connexion" replace />;

  return (
    <>
      <h1>{t("dashboard.title", { name: me.user.name })}</h1>
      {!me.user.emailVerified ? (
        <div className="alert alert--warning">
          <p>{t("dashboard.verifyEmail")}</p>
          {resend.isSuccess ? <Notice>{t("dashboard.resent")}</Notice> : null}
          <FormError error={resend.error} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => resend.mutate()}
          >
            {t("dashboard.resend")}
          </button>
        </div>
      ) : null}

      <p>
        <Link to="/mes-badges">{t("myBadges.nav")}</Link>
      </p>
      <section aria-labelledby="my-orgs">
        <h2 id="my-orgs">{t("dashboard.myOrganisations")}</h2>
        {me.memberships.length === 0 ? (
          <p className="empty">{t("dashboard.noOrganisation")}</p>
        ) : (
          <ul className="grid grid--3 plain">
            {me.memberships.map(({ organisation, role }) => (
              <li key={organisation.id} className="card org-card">
                <p className="chip">{t(`kinds.${organisation.kind}`)}</p>
                <h3>{organisation.name}</h3>
                {organisation.city ? <p className="muted">{organisation.city}</p> : null}
                <p>{t("dashboard.yourRole", { role: t(`memberRoles.${role}`) })}</p>
                <Link to={`/organisations/${organisation.id}`} className="button button--secondary">
                  {role === "admin" ? t("dashboard.manageMembers") : t("dashboard.open")}
                  <span className="visually-hidden"> — {organisation.name}</span>
                </Link>
                {organisation.kind === "cfa" ? (
                  <p className="links">
                    <Link to={`/organisations/${organisation.id}/label`}>{t("label.link")}</Link>
                    <Link to="/idees">{t("ideas.nav")}</Link>
                  </p>
                ) : null}
                {organisation.kind === "partner" ? (
                  <p className="links">
                    <Link to={`/organisations/${organisation.id}/partenaire`}>
                      {t("partner.link")}
                      <span className="visually-hidden"> — {organisation.name}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {isReviewer ? (
        <section aria-labelledby="reviews" className="card">
          <h2 id="reviews">{t("dashboard.reviewerTitle")}</h2>
          <ReviewerAssignments />
        </section>
      ) : null}

      {isManager ? (
        <section aria-labelledby="manager" className="card">
          <h2 id="manager">{t("dashboard.managerTitle")}</h2>
          <p>{t("dashboard.managerText")}</p>
          {orgs.data ? (
            <ul className="stats">
              {kindOrder.map((kind) => (
                <li key={kind}>
                  <span className="stats__value">
                    {orgs.data.organisations.filter((o) => o.kind === kind).length}
                  </span>
                  <span className="stats__label">{t(`kinds.${kind}`)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="links">
            <Link to="/organisations">{t("dashboard.allOrganisations")}</Link>
            <Link to="/gestion/labels">{t("label.requests.title")}</Link>
            <Link to="/gestion/catalogue">{t("catalogueAdmin.title")}</Link>
            <Link to="/gestion/partenaires">{t("partnerAdmin.title")}</Link>
            <Link to="/demandes">{t("partnerAdmin.requests")}</Link>
            <Link to="/idees">{t("ideas.title")}</Link>
            <Link to="/admin/journal">{t("dashboard.auditLink")}</Link>
          </p>
        </section>
      ) : null}

      {isAdmin ? (
        <section aria-labelledby="admin" className="card">
          <h2 id="admin">{t("dashboard.adminTitle")}</h2>
          <p className="links">
            <Link to="/admin/utilisateurs">{t("dashboard.adminUsers")}</Link>
            <Link to="/admin/journal">{t("dashboard.adminAudit")}</Link>
          </p>
          {health.data ? (
            <div>
              <h3>{t("dashboard.health")}</h3>
              <p className={`status status--${health.data.status === "ok" ? "ok" : "warning"}`}>
                <span aria-hidden="true">{health.data.status === "ok" ? "✓" : "!"} </span>
                {health.data.status === "ok"
                  ? t("dashboard.healthOk")
                  : t("dashboard.healthDegraded")}
              </p>
              <p className="muted">
                {t("dashboard.database", {
                  driver: health.data.database.driver,
                  latency: health.data.database.latencyMs,
                })}
                <br />
                {t("dashboard.jobs", {
                  pending: health.data.jobs.pending,
                  failed: health.data.jobs.failed,
                })}
              </p>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
