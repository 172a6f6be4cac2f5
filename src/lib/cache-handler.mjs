// Next's page cache (next.config.ts `cacheHandler`): Next's own file-system cache, and on
// PostgreSQL (several servers) a check of the shared generation (shared-cache.mjs) before a
// cached page is served. A page remembers the generation read when its rendering began; a
// page of an older generation is a miss, so it is rendered anew, blocking, from the
// database: a write on one server shows at once on every server. On PostgreSQL nothing is
// written to disk (servers may share a build folder); pages live in each server's memory.
import * as fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { dashboardsGeneration, sharedCache } from "./shared-cache.mjs";

// A CommonJS module: its class is `default` of module.exports, wrapped once more or not
// depending on who loads this file (Node, or Next's bundler).
const FileSystemCache = fileSystemCache.default?.default ?? fileSystemCache.default;

// Per process, not per handler: Next makes a handler per request.
/** key → the generation its cached page was rendered at */
const rendered = new Map();
/** key → the oldest generation read by a render of it that has not stored its page yet */
const rendering = new Map();

export default class CacheHandler extends FileSystemCache {
  constructor(ctx) {
    const shared = sharedCache();
    super(shared ? { ...ctx, flushToDisk: false } : ctx);
    this.shared = shared;
  }

  async get(key, ctx) {
    if (!this.shared) return super.get(key, ctx);
    const [entry, generation] = await Promise.all([super.get(key, ctx), dashboardsGeneration()]);
    if (entry && rendered.get(key) === generation) return entry;
    // A render follows: the page it stores is of this generation, or older when two overlap.
    rendering.set(key, Math.min(rendering.get(key) ?? Infinity, generation));
    return null;
  }

  async set(key, data, ctx) {
    if (this.shared) {
      const generation = rendering.get(key);
      rendering.delete(key);
      // A page stored without a get before it has no known generation: it is a miss next time.
      if (generation === undefined) rendered.delete(key);
      else rendered.set(key, generation);
    }
    return super.set(key, data, ctx);
  }
}
