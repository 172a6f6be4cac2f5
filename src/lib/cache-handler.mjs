// Next's page cache (next.config.ts `cacheHandler`): Next's own cache, in memory, with a check of
// the page's plan's generation (shared-cache.mjs) before a cached page is served. A page
// remembers the generation read when its rendering began; a page of an older generation is a
// miss, so it is rendered anew, blocking, from the database. A write to one plan leaves every
// other plan's pages cached; on PostgreSQL the generations are shared, so a write on one server
// shows at once on every server. Nothing is written to disk: a page cached before a restart
// (or a restore) is never served after it, and servers may share a build folder.
import * as fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { planGeneration, planOfPage } from "./shared-cache.mjs";

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
    super({ ...ctx, flushToDisk: false });
  }

  async get(key, ctx) {
    const plan = planOfPage(key);
    // A page of no plan shows nothing that a write changes: Next's cache as it is.
    if (plan === null) return super.get(key, ctx);
    const [entry, generation] = await Promise.all([super.get(key, ctx), planGeneration(plan)]);
    if (entry && rendered.get(key) === generation) return entry;
    // A render follows: the page it stores is of this generation, or older when two overlap.
    rendering.set(key, Math.min(rendering.get(key) ?? Infinity, generation));
    return null;
  }

  async set(key, data, ctx) {
    if (planOfPage(key) !== null) {
      const generation = rendering.get(key);
      rendering.delete(key);
      // A page stored without a get before it has no known generation: it is a miss next time.
      if (generation === undefined) rendered.delete(key);
      else rendered.set(key, generation);
    }
    return super.set(key, data, ctx);
  }
}
