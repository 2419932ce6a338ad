import { policyMatrix } from "./matrix";
import { supportCases } from "./support.cases";

policyMatrix(supportCases);
