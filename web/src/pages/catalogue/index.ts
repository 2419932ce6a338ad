export type { Awarding, ProgrammeRef } from "../../api/catalogue";
/** Kept here for the pages that still import it from "./catalogue". */
export { ProgrammeLine } from "../../components/ProgrammeLine";
export { BadgePage } from "./BadgePage";
export { CataloguePage } from "./CataloguePage";
export { HistoryPage } from "./HistoryPage";
