// The production server: Next's request handler behind Node's own HTTP server, so that the
// app knows the address of the connection (`next start` passes on only X-Forwarded-For, which
// any client can send). That address goes in the x-kpi-peer-address header, replacing any a
// client sent; src/lib/client-address.ts reads it, and believes X-Forwarded-For only from a
// proxy declared in TRUST_PROXY.
//   PORT (3000), HOSTNAME (every interface), TRUST_PROXY (none)
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { missingSessionSecret } from "../src/lib/postgres.mjs";

process.env.NODE_ENV = "production";
// Several servers on one PostgreSQL database must sign cookies with one secret: without it, do
// not start (src/features/auth/server.ts refuses to make one per server).
const missing = missingSessionSecret();
if (missing) {
  console.error(missing);
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
const { default: next } = await import("next");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const app = next({ dev: false, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// An address with a broken %-escape (e.g. /en/plans/%E0%A4%A) makes Next answer a bare 500:
// it is answered here with a 400 in the address's language (JSON under /api).
const badAddress = Object.fromEntries(
  ["ja", "en"].map((lang) => [lang, JSON.parse(readFileSync(new URL(`../messages/${lang}.json`, import.meta.url), "utf8")).BadAddress]),
);
function answerBadAddress(req, res) {
  const path = (req.url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    const lang = path.startsWith("/en") ? "en" : "ja";
    const t = badAddress[lang];
    const headers = { "Cache-Control": "no-store" };
    if (path.startsWith("/api/")) {
      res.writeHead(400, { ...headers, "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "badAddress", message: t.body } }));
    } else {
      res
        .writeHead(400, { ...headers, "Content-Type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head>` +
            `<body style="font-family: sans-serif; margin: 2rem; line-height: 1.6"><h1>${t.title}</h1><p>${t.body}</p><p><a href="/${lang}">${t.home}</a></p></body></html>`,
        );
    }
    return true;
  }
}

const server = createServer((req, res) => {
  if (answerBadAddress(req, res)) return;
  const peer = req.socket.remoteAddress ?? "unknown";
  req.headers["x-kpi-peer-address"] = peer.startsWith("::ffff:") ? peer.slice(7) : peer;
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => console.log(`Ready on http://${hostname ?? "localhost"}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
