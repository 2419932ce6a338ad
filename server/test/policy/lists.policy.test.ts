import { listCases } from "./lists.cases";
import { policyMatrix } from "./matrix";

policyMatrix(listCases);
