import { createHash } from "node:crypto";

/**
 * A fixed-window counter in memory: enough for one server process (SQLite means one).
 * Used to slow down password guessing: per e-mail address and per client address.
 */
/** The most keys a limiter keeps: a flood of new keys (random e-mail addresses) cannot grow it further. */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= t) {
      if (entry) this.hits.delete(key);
      this.hits.set(key, { count: 1, resetAt: t + this.windowMs });
      if (this.hits.size > MAX_KEYS) this.prune(t);
      return 0;
    }
    entry.count++;
    return entry.count > this.limit ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /** Drops the expired windows, and past MAX_KEYS the oldest ones (a Map keeps insertion order), so memory stays bounded. */
  private prune(t: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= t) this.hits.delete(k);
    for (const k of this.hits.keys()) {
      if (this.hits.size <= MAX_KEYS * 0.9) break;
      this.hits.delete(k);
    }
  }
}

/** What the admin page shows of a user: never the password hash. */
export const USER_FIELDS = { id: true, email: true, name: true, role: true, createdAt: true, disabledAt: true } as const;

/** What the database keeps of a session id: its digest, so that a copy of the table opens no session. */
export function sessionDigest(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url");
}
