import { type Cases, staffOnly } from "./matrix";

/** The managers' lists: programme managers only. */
export const listCases: Cases = {
  "GET /api/manager/applications": { expect: staffOnly(200, ["manager"]) },
  "GET /api/manager/applications.csv": { expect: staffOnly(200, ["manager"]) },
  "GET /api/manager/credentials": { expect: staffOnly(200, ["manager"]) },
  "GET /api/manager/credentials.csv": { expect: staffOnly(200, ["manager"]) },
};
