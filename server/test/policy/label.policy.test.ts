import { labelCases } from "./label.cases";
import { policyMatrix } from "./matrix";

policyMatrix(labelCases);
