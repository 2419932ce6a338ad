import { devMail } from "../../src/db/schema";
import { type Cases, everyone } from "./matrix";

/** Public figures and pages, the platform's health and configuration, the demo mailbox. */
export const publicCases: Cases = {
  "GET /api/public/passports/:slug": {
    request: (w) => ({ params: { slug: w.cfa.slug } }),
    expect: everyone(200),
  },
  "GET /api/public/laureates": { expect: everyone(200) },
  "GET /api/public/statistics": { expect: everyone(200) },
  "GET /api/public/statistics.csv": { expect: everyone(200) },
  "GET /api/public/people/:slug": {
    request: () => ({ params: { slug: "personne-inconnue" } }),
    expect: everyone(404),
  },
  "GET /api/competences/targets": { expect: everyone(200) },
  "GET /api/health": { expect: everyone(200) },
  "GET /api/config": { expect: everyone(200) },
  // Demo mode only (no SMTP): the captured mail is the demo's way to read links.
  "GET /api/dev/mailbox": { expect: everyone(200) },
  "GET /api/dev/mailbox/:id": {
    request: async (w) => {
      const [mail] = await w.platform.ctx.db
        .insert(devMail)
        .values({ to: "a@b.example", subject: "s", text: "t", html: "h" })
        .returning();
      return { params: { id: mail!.id } };
    },
    expect: everyone(200),
  },
};
