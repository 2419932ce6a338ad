export { IdeasPage } from "./IdeasPage";
