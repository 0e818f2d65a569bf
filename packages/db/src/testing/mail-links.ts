// The link in the newest message of a kind sent to an address, as the outbox recorded it
// (payload.secret.url) before the sender delivers it. Tests read mail only through this one
// function, so they can be switched to read the real SMTP server's inbox instead, in one place.
import type { Db } from "../client.ts";

export async function latestMailLink(
  db: Db,
  to: string,
  kind: "password-reset" | "verify-email" | "confirm-email-change",
): Promise<string> {
  const [mail] = await db.$queryRaw<{ url: string | null }[]>`
    SELECT payload #>> '{secret,url}' AS url FROM mail_outbox
     WHERE to_address = ${to.toLowerCase()} AND kind = ${kind}
     ORDER BY created_at DESC, id DESC LIMIT 1`;
  if (!mail?.url) throw new Error(`No ${kind} message with a link was sent to ${to}.`);
  return mail.url;
}

/** The kinds of every message sent to an address, oldest first. */
export async function mailKindsSentTo(db: Db, to: string): Promise<string[]> {
  const rows = await db.mailOutbox.findMany({
    where: { toAddress: to.toLowerCase() },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true },
  });
  return rows.map((row) => row.kind);
}
