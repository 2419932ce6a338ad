import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { buildOpenBadgeCredential } from "../src/ob3";
import { signCredential, verifyDataIntegrity } from "../src/sign";

const key = await generateIssuerKey({ controller: "did:key:pending" });
const did = `did:key:${key.publicKeyMultibase}`;
const issuerKey = { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` };
const credential = buildOpenBadgeCredential({
  issuer: { id: did, name: "Région" },
  achievement: {
    id: "https://b.example/1",
    name: "V",
    description: "D",
    criteria: { narrative: "N" },
  },
  subject: { id: "did:example:cfa" },
  validFrom: new Date("2026-01-01T00:00:00Z"),
});
const signed = await signCredential(credential, { key: issuerKey });
const mode = process.argv[2];
const n = 30000;
const t = performance.now();
for (let i = 0; i < n; i++) {
  if (mode === "sign") await signCredential(credential, { key: issuerKey });
  else await verifyDataIntegrity(signed, { documentLoader: defaultDocumentLoader });
}
console.log(mode, n / ((performance.now() - t) / 1000));
