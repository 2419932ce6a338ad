export { ApplicationPage } from "./ApplicationPage";
export { ApplicationsPage } from "./ApplicationsPage";
export { ReviewerAssignments } from "./ReviewerAssignments";
