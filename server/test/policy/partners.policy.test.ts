import { policyMatrix } from "./matrix";
import { partnerCases } from "./partners.cases";

policyMatrix(partnerCases);
