export { PartnerPage } from "./PartnerPage";
export { RegistrationsAdminPage } from "./RegistrationsAdminPage";
