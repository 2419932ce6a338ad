import { policyMatrix } from "./matrix";
import { oauthCases } from "./oauth.cases";

policyMatrix(oauthCases);
