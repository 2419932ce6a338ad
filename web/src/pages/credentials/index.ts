export { CredentialPage } from "./CredentialPage";
export { IssuedBadgesPage } from "./IssuedBadgesPage";
export { OrganisationBadgesPage } from "./OrganisationBadgesPage";
