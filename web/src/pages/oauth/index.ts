export { AllowedClientsPage } from "./AllowedClientsPage";
export { ConsentPage } from "./ConsentPage";
