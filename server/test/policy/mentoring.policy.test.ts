import { policyMatrix } from "./matrix";
import { mentoringCases } from "./mentoring.cases";

policyMatrix(mentoringCases);
