export { CatalogueAdminPage } from "./CatalogueAdminPage";
