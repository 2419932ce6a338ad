export { DashboardPage } from "./DashboardPage";
export { PublicHomePage } from "./PublicHomePage";
