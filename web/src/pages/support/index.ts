export { SupportPage } from "./SupportPage";
