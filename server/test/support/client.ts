import type { FastifyInstance, InjectOptions } from "fastify";

type Response = Awaited<ReturnType<FastifyInstance["inject"]>>;

/**
 * Talks to the app the way the web client does: keeps cookies, reads the
 * CSRF cookie and sends it back as a header on state-changing requests.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  locale: "fr" | "en" = "fr";

  constructor(private readonly app: FastifyInstance) {}

  async request(options: {
    method: InjectOptions["method"];
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
    csrf?: boolean;
  }) {
    if (options.csrf !== false && !this.cookies.has("blason_csrf") && options.method !== "GET")
      await this.request({ method: "GET", url: "/api/auth/csrf" });
    const headers: Record<string, string> = { "accept-language": this.locale, ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (options.csrf !== false && options.method !== "GET")
      headers["x-csrf-token"] = this.cookies.get("blason_csrf") ?? "";
    let payload: string | object | undefined;
    if (typeof options.body === "string") {
      payload = options.body;
      headers["content-type"] = "application/json";
    } else if (options.body !== undefined) {
      payload = options.body as object;
    }
    const response = await this.app.inject({
      method: options.method,
      url: options.url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string) {
    return this.request({ method: "GET", url });
  }
  post(url: string, body?: unknown) {
    return this.request({ method: "POST", url, body: body ?? {} });
  }
  patch(url: string, body: unknown) {
    return this.request({ method: "PATCH", url, body });
  }
  put(url: string, body: unknown) {
    return this.request({ method: "PUT", url, body });
  }
  delete(url: string) {
    return this.request({ method: "DELETE", url });
  }

  async signIn(email: string, password: string): Promise<Response> {
    const response = await this.post("/api/auth/sign-in", { email, password });
    if (response.statusCode !== 200)
      throw new Error(`sign-in failed for ${email}: ${response.body}`);
    return response;
  }
}

export function json<T = Record<string, unknown>>(response: Response): T {
  return response.json() as T;
}
