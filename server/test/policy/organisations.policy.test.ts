import { policyMatrix } from "./matrix";
import { organisationCases } from "./organisations.cases";

policyMatrix(organisationCases);
