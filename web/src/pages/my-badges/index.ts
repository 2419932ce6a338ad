export { MyBadgesPage } from "./MyBadgesPage";
export { PersonPassportPage } from "./PersonPassportPage";
