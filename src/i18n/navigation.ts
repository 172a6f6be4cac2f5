// Links and navigation within the site's language, as next-intl's example does it: an href
// such as "/plans/plan2" is "/ja/plans/plan2" on a Japanese page.
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
