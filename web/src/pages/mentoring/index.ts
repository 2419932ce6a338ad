export { MentoringPage } from "./MentoringPage";
export { PairingPage } from "./PairingPage";
