import { randomBytes } from "node:crypto";

export type HttpResult<T = unknown> = {
  status: number;
  headers: Headers;
  /** Parsed JSON body (null when the body is not JSON). */
  json: T;
  text: string;
};

type Opts = {
  headers?: Record<string, string>;
  csrf?: boolean;
  raw?: string | Uint8Array;
  /** An open event stream (text/event-stream) is not read: its body never ends. */
  skipEventStream?: boolean;
};

/**
 * A tiny cookie-jar HTTP client for one simulated browser/script. Unsafe methods send
 * the `csrf` cookie back as `x-csrf-token` (fetching one first when the jar has none),
 * exactly like src/lib/api-client.ts does in the UI. Each client presents its own
 * X-Forwarded-For (the test server trusts the proxy header), so IP-keyed rate limits of
 * one test never affect another.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly ip = `10.${rnd()}.${rnd()}.${rnd()}`;

  constructor(readonly baseUrl: string) {}

  get<T = unknown>(path: string, o?: Opts) {
    return this.request<T>("GET", path, undefined, o);
  }
  post<T = unknown>(path: string, body?: unknown, o?: Opts) {
    return this.request<T>("POST", path, body, o);
  }
  put<T = unknown>(path: string, body?: unknown, o?: Opts) {
    return this.request<T>("PUT", path, body, o);
  }
  patch<T = unknown>(path: string, body?: unknown, o?: Opts) {
    return this.request<T>("PATCH", path, body, o);
  }
  delete<T = unknown>(path: string, body?: unknown, o?: Opts) {
    return this.request<T>("DELETE", path, body, o);
  }

  async request<T>(method: string, path: string, body?: unknown, o: Opts = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, ...o.headers };
    if (method !== "GET" && method !== "HEAD" && o.csrf !== false && !("x-csrf-token" in headers)) {
      if (!this.cookies.has("csrf")) await this.get("/api/v1/auth/csrf");
      headers["x-csrf-token"] = this.cookies.get("csrf") ?? "";
    }
    const payload = o.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers["content-type"] ??= "application/json";
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (cookie) headers.cookie = cookie;
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: payload as BodyInit | undefined,
      redirect: "manual",
    });
    this.absorb(res.headers);
    if (o.skipEventStream && res.headers.get("content-type")?.startsWith("text/event-stream")) {
      await res.body?.cancel();
      return { status: res.status, headers: res.headers, json: null as T, text: "" };
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON (pages, redirects)
    }
    return { status: res.status, headers: res.headers, json: json as T, text };
  }

  private absorb(h: Headers) {
    for (const c of h.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function rnd(): number {
  return randomBytes(1)[0]! % 250;
}
