export { OrganisationPage } from "./OrganisationPage";
export { OrganisationsPage } from "./OrganisationsPage";
