import { catalogueCases } from "./catalogue.cases";
import { policyMatrix } from "./matrix";

policyMatrix(catalogueCases);
