export { EndorsementsPage } from "./EndorsementsPage";
export { EndorsementInvitationPage } from "./InvitationPage";
