import { randomUUID } from "node:crypto";
import { buildOpenBadgeCredential, hashedIdentifier } from "@blason/openbadges";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/**
 * A browser's cookies for real HTTP requests (fetch does not keep them):
 * enough for oidc-provider's interaction cookies, scoped by path.
 */
export class CookieJar {
  private readonly jar = new Map<string, { value: string; path: string }>();

  set(name: string, value: string, path = "/") {
    this.jar.set(name, { value, path });
  }

  value(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.jar]
      .filter(([, c]) => pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join("; ");
  }

  keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) || "/";
      const expired = attributes.some(
        (a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now(),
      );
      if (!value || expired) this.jar.delete(name);
      else this.set(name, value, path);
    }
  }

  /** GET `url`, following redirects by hand (cookies kept) until one leaves `origin` or lands on `stop`. */
  async follow(url: string, stop: (location: string) => boolean): Promise<string> {
    let next = url;
    for (let hops = 0; hops < 10; hops++) {
      if (stop(next)) return next;
      const response = await fetch(next, {
        redirect: "manual",
        headers: { cookie: this.header(next) },
      });
      this.keep(response);
      const location = response.headers.get("location");
      if (!location)
        throw new Error(`${next} answered ${response.status}: ${await response.text()}`);
      next = new URL(location, next).href;
    }
    throw new Error("too many redirects");
  }
}

/** An OB 3.0 credential of another platform, issued to `email`, signed as a VC-JWT by a did:jwk. */
export async function vcJwtFor(email: string) {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const did = `did:jwk:${Buffer.from(JSON.stringify(jwk)).toString("base64url")}`;
  const id = `urn:uuid:${randomUUID()}`;
  const vc = buildOpenBadgeCredential({
    id,
    issuer: { id: did, name: "Autre plateforme" },
    achievement: {
      id: "https://autre.example/achievements/tutorat",
      name: "Tutorat",
      description: "A accompagné des apprentis.",
      criteria: { narrative: "Trois apprentis accompagnés." },
    },
    subject: { identifier: [hashedIdentifier("emailAddress", email, randomUUID())] },
    validFrom: new Date(Date.now() - 60_000),
  });
  return new SignJWT({ ...vc, iss: did, jti: id, nbf: Math.floor(Date.now() / 1000) - 60 })
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: `${did}#0` })
    .sign(privateKey);
}
