import fs from "node:fs";
import { unbakePng } from "./src/bake/png";
import { unbakeSvg } from "./src/bake/svg";

const d = "/work/shared/fixtures/1edtech/validator/ob30/";
const show = (name: string, t: string) => {
  const [h, p] = t.trim().split(".");
  const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
  console.log(
    name,
    Buffer.from(h!, "base64url").toString(),
    JSON.stringify({
      iss: payload.iss,
      nbf: payload.nbf,
      exp: payload.exp,
      jti: payload.jti,
      sub: payload.sub,
      vcIssuer: payload.vc?.issuer ?? payload.issuer,
      ctx: payload.vc?.["@context"] ?? payload["@context"],
      status: payload.vc?.credentialStatus,
    }).slice(0, 900),
  );
};
show("simple.jwt", fs.readFileSync(d + "simple.jwt", "utf8"));
show("velocity.jwt", fs.readFileSync(d + "velocity.jwt", "utf8"));
for (const f of ["simple-jwt.png", "simple-jwt_v1.png"])
  show(f, unbakePng(new Uint8Array(fs.readFileSync(d + f)))!.payload);
for (const f of ["simple-jwt.svg", "simple-jwt_v1.svg"])
  show(f, unbakeSvg(fs.readFileSync(d + f, "utf8"))!.payload);
