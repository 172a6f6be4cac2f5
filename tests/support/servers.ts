/**
 * Production servers of the app started by a test or a bench (the build in .next), and HTTP
 * clients that keep a session cookie: what two app servers behind a load balancer look like
 * from outside. Plain fetch: no browser.
 */
import { startServer as startProduction } from "../../bench/server.mjs";

export const SESSION_SECRET = "cluster-secret-that-is-at-least-32-characters-long";

export interface Server {
  base: string;
  stop(): Promise<void>;
}

/** Starts the production server on 127.0.0.1:`port` with the database at `databaseUrl`; resolves once it answers. */
export function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  return startProduction(
    {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      HOSTNAME: "127.0.0.1",
      COOKIE_SECURE: "false",
      // The test is the load balancer: it says which client each request is from.
      TRUST_PROXY: "127.0.0.1",
      SESSION_SECRET,
      ...env,
    },
    port,
  );
}

/** A browser-like client of one server: its own client address and cookies. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(
    public base: string,
    private readonly address: string,
  ) {}

  /** The same person's cookies, sent to another server (the load balancer's next pick). */
  on(base: string): Client {
    const other = new Client(base, this.address);
    other.cookies = this.cookies;
    return other;
  }

  /** Another client with a copy of this one's cookies, from the same address (a copied cookie). */
  copy(): Client {
    const other = new Client(this.base, this.address);
    other.cookies = new Map(this.cookies);
    return other;
  }

  /** The Cookie header this client sends (empty when it has none). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", this.address);
    headers.set("Origin", this.base);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(this.base + pathname, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      const expired =
        value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]) < Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  json(pathname: string, method: string, body: unknown): Promise<Response> {
    return this.fetch(pathname, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.json("/api/auth/signin", "POST", { email, password });
  }
}

export const DEMO = {
  admin: { email: "admin@example.jp", password: "demo-admin-password" },
  secretariat: { email: "secretariat@example.jp", password: "demo-secretariat-password" },
  committee: { email: "committee@example.jp", password: "demo-committee-password" },
};
