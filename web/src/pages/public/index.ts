export { IssuerPage } from "./IssuerPage";
export { LaureatesPage } from "./LaureatesPage";
export { PassportPage } from "./PassportPage";
export { StatisticsPage } from "./StatisticsPage";
