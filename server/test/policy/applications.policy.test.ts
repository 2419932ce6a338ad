import { applicationCases } from "./applications.cases";
import { policyMatrix } from "./matrix";

policyMatrix(applicationCases);
