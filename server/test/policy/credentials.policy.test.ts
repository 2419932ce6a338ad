import { credentialCases } from "./credentials.cases";
import { policyMatrix } from "./matrix";

policyMatrix(credentialCases);
