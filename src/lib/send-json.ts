/**
 * Sends a JSON write from the browser to the app's API, in the page's language; resolves to
 * null when it went, else the server's translated message (each invalid field's, or the
 * error's), or "network error" when there was no answer.
 */
export async function sendJson(url: string, method: string, body: unknown, locale: string): Promise<string | null> {
  const res = await fetch(`${url}${url.includes("?") ? "&" : "?"}lang=${locale}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (res?.ok) return null;
  const json = await res?.json().catch(() => null);
  const fields = (json?.errors as { message: string }[] | undefined)?.map((e) => e.message).join(" ");
  return fields || json?.error?.message || "network error";
}
