/**
 * Runs once when a server starts. With e-mail on (SMTP_URL), it sends the queued notices that
 * are due every minute: a notice whose send failed is tried again here, even if no one posts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SMTP_URL) return;
  const { deliverMail } = await import("@/features/review/mutations");
  const tick = () => deliverMail().catch((error: Error) => console.error(`E-mail delivery failed: ${error.message}`));
  setInterval(tick, 60_000).unref();
  void tick();
}
