export { CredentialPage } from "./CredentialPage";
export { OrganisationBadgesPage } from "./OrganisationBadgesPage";
