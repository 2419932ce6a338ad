import { endorsementCases } from "./endorsements.cases";
import { policyMatrix } from "./matrix";

policyMatrix(endorsementCases);
