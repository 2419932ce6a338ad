import fs from "node:fs";
import path from "node:path";
import { verifyCredential } from "./src/verify";

const dir = "/work/shared/fixtures/1edtech/validator/ob30";
const files = process.argv.slice(2);
for (const f of files) {
  const bytes = fs.readFileSync(path.join(dir, f));
  const input = f.endsWith(".png") ? new Uint8Array(bytes) : bytes.toString("utf8");
  const calls: string[] = [];
  const report = await verifyCredential(input, {
    fetcher: async (url) => {
      calls.push(url);
      return { ok: false, url, code: "FETCH_HTTP_STATUS", status: 404, message: "404" };
    },
    now: new Date("2026-11-22T12:00:00Z"),
  });
  console.log("==", f, report.verified, report.format, report.source);
  for (const s of report.steps)
    console.log(
      "  ",
      s.id,
      s.status,
      s.reason.en,
      s.details ? JSON.stringify(s.details).slice(0, 200) : "",
    );
  console.log("   fetched:", calls);
}
