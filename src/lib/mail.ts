/**
 * E-mail through SMTP (nodemailer), when SMTP_URL is set (smtp://user:pass@host:587, or
 * smtps://… for TLS); without it the app sends nothing and keeps its in-app notices only.
 */
import nodemailer, { type Transporter } from "nodemailer";

export function mailEnabled(): boolean {
  return !!process.env.SMTP_URL;
}

/** The app's address in links of e-mails: APP_URL, else this server on localhost. */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

let transport: { url: string; transporter: Transporter } | null = null;

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  await transport.transporter.sendMail({ from: process.env.MAIL_FROM ?? "KPI follow-up <noreply@localhost>", ...message });
}
