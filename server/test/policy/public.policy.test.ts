import { policyMatrix } from "./matrix";
import { publicCases } from "./public.cases";

policyMatrix(publicCases);
