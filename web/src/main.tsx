import "@fontsource-variable/source-sans-3";
import "./styles.css";
import "./i18n";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ComponentType, lazy, type ReactElement, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError } from "./api/client";
import { Layout } from "./components/Layout";
import { PageLoading } from "./components/PageLoading";
import { type PageName, pagePaths } from "./page-paths";
import { ErrorPage } from "./pages/misc/ErrorPage";

/**
 * A page loaded when it is first shown: every page is its own chunk, so the
 * first visit downloads the shell and that one page only (npm run check:bundle).
 */
function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): ReactElement {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

const account = () => import("./pages/account");
const admin = () => import("./pages/admin");
const applications = () => import("./pages/applications");
const auth = () => import("./pages/auth");
const catalogue = () => import("./pages/catalogue");
const catalogueAdmin = () => import("./pages/catalogue-admin");
const credentials = () => import("./pages/credentials");
const home = () => import("./pages/home");
const ideas = () => import("./pages/ideas");
const mentoring = () => import("./pages/mentoring");
const endorsements = () => import("./pages/endorsements");
const support = () => import("./pages/support");
const label = () => import("./pages/label");
const myBadges = () => import("./pages/my-badges");
const oauthPages = () => import("./pages/oauth");
const organisations = () => import("./pages/organisations");
const partner = () => import("./pages/partner");
const publicPages = () => import("./pages/public");
const verify = () => import("./pages/verify");

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
  home: lazyPage(home, "PublicHomePage"),
  signIn: lazyPage(auth, "SignInPage"),
  catalogue: lazyPage(catalogue, "CataloguePage"),
  history: lazyPage(catalogue, "HistoryPage"),
  badge: lazyPage(catalogue, "BadgePage"),
  verify: lazyPage(verify, "VerifyPage"),
  credential: lazyPage(credentials, "CredentialPage"),
  applications: lazyPage(applications, "ApplicationsPage"),
  passport: lazyPage(publicPages, "PassportPage"),
  laureates: lazyPage(publicPages, "LaureatesPage"),
  issuer: lazyPage(publicPages, "IssuerPage"),
  statistics: lazyPage(publicPages, "StatisticsPage"),
  labelProgress: lazyPage(label, "LabelProgressPage"),
  labelRequests: lazyPage(label, "LabelRequestsPage"),
  catalogueAdmin: lazyPage(catalogueAdmin, "CatalogueAdminPage"),
  ideas: lazyPage(ideas, "IdeasPage"),
  mentoring: lazyPage(mentoring, "MentoringPage"),
  pairing: lazyPage(mentoring, "PairingPage"),
  support: lazyPage(support, "SupportPage"),
  myBadges: lazyPage(myBadges, "MyBadgesPage"),
  personPassport: lazyPage(myBadges, "PersonPassportPage"),
  application: lazyPage(applications, "ApplicationPage"),
  organisationBadges: lazyPage(credentials, "OrganisationBadgesPage"),
  partner: lazyPage(partner, "PartnerPage"),
  registrationsAdmin: lazyPage(partner, "RegistrationsAdminPage"),
  issuedBadges: lazyPage(credentials, "IssuedBadgesPage"),
  magicLink: lazyPage(auth, "MagicLinkPage"),
  forgotPassword: lazyPage(auth, "ForgotPasswordPage"),
  resetPassword: lazyPage(auth, "ResetPasswordPage"),
  verifyEmail: lazyPage(auth, "VerifyEmailPage"),
  invitation: lazyPage(auth, "InvitationPage"),
  dashboard: lazyPage(home, "DashboardPage"),
  organisations: lazyPage(organisations, "OrganisationsPage"),
  organisation: lazyPage(organisations, "OrganisationPage"),
  account: lazyPage(account, "AccountPage"),
  adminUsers: lazyPage(admin, "AdminUsersPage"),
  audit: lazyPage(admin, "AuditPage"),
  mailbox: lazyPage(() => import("./pages/misc/MailboxPage"), "MailboxPage"),
  legal: lazyPage(() => import("./pages/misc/TextPages"), "LegalPage"),
  privacy: lazyPage(() => import("./pages/misc/TextPages"), "PrivacyPage"),
  accessibility: lazyPage(() => import("./pages/misc/TextPages"), "AccessibilityPage"),
  sitemap: lazyPage(() => import("./pages/misc/SitemapPage"), "SitemapPage"),
  oauthConsent: lazyPage(oauthPages, "ConsentPage"),
  oauthGrants: lazyPage(oauthPages, "AllowedClientsPage"),
  endorsements: lazyPage(endorsements, "EndorsementsPage"),
  endorsementInvitation: lazyPage(endorsements, "EndorsementInvitationPage"),
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
      { path: "*", element: lazyPage(() => import("./pages/misc/NotFoundPage"), "NotFoundPage") },
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
