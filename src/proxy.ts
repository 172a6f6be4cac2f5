import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Only paths without a language (e.g. "/" or "/plans/plan2") need the proxy, to be sent
  // to the visitor's language. Pages under /ja and /en take theirs from the URL and skip
  // it, which keeps the cached dashboards close to static speed (see bench/).
  matcher: ["/", "/((?!api|_next|_vercel|ja|en|.*\\..*).*)"],
};
