import "@fontsource-variable/source-sans-3";
import "./styles.css";
import "./i18n";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactElement, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError } from "./api/client";
import { Layout } from "./components/Layout";
import { type PageName, pagePaths } from "./page-paths";
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

/** The element of every page named in page-paths.ts (the server knows the same list). */
const pages: Record<PageName, ReactElement> = {
  home: <PublicHomePage />,
  signIn: <SignInPage />,
  catalogue: <CataloguePage />,
  history: <HistoryPage />,
  badge: <BadgePage />,
  verify: <VerifyPage />,
  credential: <CredentialPage />,
  applications: <ApplicationsPage />,
  passport: <PassportPage />,
  laureates: <LaureatesPage />,
  issuer: <IssuerPage />,
  statistics: <StatisticsPage />,
  labelProgress: <LabelProgressPage />,
  labelRequests: <LabelRequestsPage />,
  catalogueAdmin: <CatalogueAdminPage />,
  ideas: <IdeasPage />,
  myBadges: <MyBadgesPage />,
  personPassport: <PersonPassportPage />,
  application: <ApplicationPage />,
  organisationBadges: <OrganisationBadgesPage />,
  partner: <PartnerPage />,
  registrationsAdmin: <RegistrationsAdminPage />,
  magicLink: <MagicLinkPage />,
  forgotPassword: <ForgotPasswordPage />,
  resetPassword: <ResetPasswordPage />,
  verifyEmail: <VerifyEmailPage />,
  invitation: <InvitationPage />,
  dashboard: <DashboardPage />,
  organisations: <OrganisationsPage />,
  organisation: <OrganisationPage />,
  account: <AccountPage />,
  adminUsers: <AdminUsersPage />,
  audit: <AuditPage />,
  mailbox: <MailboxPage />,
  legal: <LegalPage />,
  privacy: <PrivacyPage />,
  accessibility: <AccessibilityPage />,
  sitemap: <SitemapPage />,
};

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      // Case-sensitive, as the server matches them (page-paths.ts).
      ...(Object.keys(pagePaths) as PageName[]).map((name) => ({
        path: pagePaths[name],
        element: pages[name],
        caseSensitive: true,
      })),
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
