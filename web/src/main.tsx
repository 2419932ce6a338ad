import "@fontsource-variable/source-sans-3";
import "./styles.css";
import "./i18n";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError } from "./api/client";
import { Layout } from "./components/Layout";
import { AccountPage } from "./pages/account";
import { AdminUsersPage, AuditPage } from "./pages/admin";
import { ApplicationPage, ApplicationsPage } from "./pages/applications";
import {
  ForgotPasswordPage,
  InvitationPage,
  MagicLinkPage,
  ResetPasswordPage,
  SignInPage,
  VerifyEmailPage,
} from "./pages/auth";
import { BadgePage, CataloguePage, HistoryPage } from "./pages/catalogue";
import { CatalogueAdminPage } from "./pages/catalogue-admin";
import { CredentialPage, OrganisationBadgesPage } from "./pages/credentials";
import { DashboardPage, PublicHomePage } from "./pages/home";
import { IdeasPage } from "./pages/ideas";
import { LabelProgressPage, LabelRequestsPage } from "./pages/label";
import {
  AccessibilityPage,
  ErrorPage,
  LegalPage,
  MailboxPage,
  NotFoundPage,
  PrivacyPage,
  SitemapPage,
} from "./pages/misc";
import { MyBadgesPage, PersonPassportPage } from "./pages/my-badges";
import { OrganisationPage, OrganisationsPage } from "./pages/organisations";
import { PartnerPage, RegistrationsAdminPage } from "./pages/partner";
import { IssuerPage, LaureatesPage, PassportPage, StatisticsPage } from "./pages/public";
import { VerifyPage } from "./pages/verify";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: "/", element: <PublicHomePage /> },
      { path: "/connexion", element: <SignInPage /> },
      { path: "/programmes/:slug", element: <CataloguePage /> },
      { path: "/programmes/:slug/historique", element: <HistoryPage /> },
      { path: "/badges/:id", element: <BadgePage /> },
      { path: "/verify", element: <VerifyPage /> },
      { path: "/credentials/:id", element: <CredentialPage /> },
      { path: "/demandes", element: <ApplicationsPage /> },
      { path: "/passports/:slug", element: <PassportPage /> },
      { path: "/laureats", element: <LaureatesPage /> },
      { path: "/issuers/:slug", element: <IssuerPage /> },
      { path: "/statistiques", element: <StatisticsPage /> },
      { path: "/organisations/:id/label", element: <LabelProgressPage /> },
      { path: "/gestion/labels", element: <LabelRequestsPage /> },
      { path: "/gestion/catalogue", element: <CatalogueAdminPage /> },
      { path: "/idees", element: <IdeasPage /> },
      { path: "/mes-badges", element: <MyBadgesPage /> },
      { path: "/personnes/:slug", element: <PersonPassportPage /> },
      { path: "/demandes/:id", element: <ApplicationPage /> },
      { path: "/organisations/:id/badges", element: <OrganisationBadgesPage /> },
      { path: "/organisations/:id/partenaire", element: <PartnerPage /> },
      { path: "/gestion/partenaires", element: <RegistrationsAdminPage /> },
      { path: "/connexion/lien", element: <MagicLinkPage /> },
      { path: "/mot-de-passe-oublie", element: <ForgotPasswordPage /> },
      { path: "/mot-de-passe/nouveau", element: <ResetPasswordPage /> },
      { path: "/verifier-email", element: <VerifyEmailPage /> },
      { path: "/invitation/:token", element: <InvitationPage /> },
      { path: "/accueil", element: <DashboardPage /> },
      { path: "/organisations", element: <OrganisationsPage /> },
      { path: "/organisations/:id", element: <OrganisationPage /> },
      { path: "/compte", element: <AccountPage /> },
      { path: "/admin/utilisateurs", element: <AdminUsersPage /> },
      { path: "/admin/journal", element: <AuditPage /> },
      { path: "/dev/boite-mail", element: <MailboxPage /> },
      { path: "/mentions-legales", element: <LegalPage /> },
      { path: "/donnees-personnelles", element: <PrivacyPage /> },
      { path: "/accessibilite", element: <AccessibilityPage /> },
      { path: "/plan-du-site", element: <SitemapPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
