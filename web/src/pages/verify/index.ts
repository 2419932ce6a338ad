export { VerifyPage } from "./VerifyPage";
