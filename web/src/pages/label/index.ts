export { LabelProgressPage } from "./LabelProgressPage";
export { LabelRequestsPage } from "./LabelRequestsPage";
