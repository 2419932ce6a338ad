import { policyMatrix } from "./matrix";
import { walletCases } from "./wallets.cases";

policyMatrix(walletCases);
