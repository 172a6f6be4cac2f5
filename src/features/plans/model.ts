/** A project's ministries as one line, lead first: "◎MHLW, CAO, MEXT" (the audit log's and the structure page's form). */
export function ministriesLine(list: { ministry: string; lead: boolean }[]): string {
  return [...list.filter((m) => m.lead), ...list.filter((m) => !m.lead)].map((m) => `${m.lead ? "◎" : ""}${m.ministry}`).join(", ");
}
