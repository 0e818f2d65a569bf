// The main pages of the product on the demo data (`seedDemoData`), each with the account that
// sees it: what scripts/web-quality.ts measures and e2e/accessibility.test.ts checks.
import type { Db } from "@openticket/db";
import { DEMO_ACCOUNTS } from "@openticket/db/seed";
import { SessionClient } from "../test/session-client";

export type DemoLogin = { username: string; password: string };
export type MainPage = { name: string; path: string; as?: DemoLogin };

const login = (username: (typeof DEMO_ACCOUNTS)[number]["username"]): DemoLogin => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return { username: account.username, password: account.password };
};

export async function mainPages(db: Db): Promise<MainPage[]> {
  // The biggest room with the most sales: the heaviest seat map and analytics.
  const [event] = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM events e JOIN users u ON u.id = e.organizer_id
    WHERE u.username = 'organizer' AND e.status = 'PUBLISHED' AND e.starts_at > now()
    ORDER BY (SELECT count(*) FROM event_seats s WHERE s.event_id = e.id) DESC,
             (SELECT count(*) FROM event_seats s WHERE s.event_id = e.id AND s.status = 'SOLD') DESC
    LIMIT 1`;
  const [order] = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id
    WHERE u.username = 'attendee' AND o.status = 'PAID' ORDER BY o.created_at DESC LIMIT 1`;
  if (!event || !order) throw new Error("the demo data has no event or order to measure");
  const attendee = login("attendee");
  const organizer = login("organizer");
  const admin = login("admin");
  return [
    { name: "home", path: "/" },
    { name: "event", path: `/events/${event.id}` },
    { name: "seats", path: `/events/${event.id}/seats` },
    { name: "sign-in", path: "/sign-in" },
    { name: "sign-up", path: "/sign-up" },
    { name: "orders", path: "/orders", as: attendee },
    { name: "order", path: `/orders/${order.id}`, as: attendee },
    { name: "my events", path: "/me/events", as: attendee },
    { name: "organizer", path: "/organizer", as: organizer },
    { name: "event analytics", path: `/organizer/events/${event.id}/analytics`, as: organizer },
    { name: "event sales", path: `/organizer/events/${event.id}/sales`, as: organizer },
    { name: "admin", path: "/admin", as: admin },
    { name: "admin sales", path: "/admin/sales", as: admin },
  ];
}

/** Signs in through next-auth's credentials route: the session cookie, as a Cookie header. */
export async function signedInCookie(baseUrl: string, account: DemoLogin) {
  const client = new SessionClient(baseUrl);
  await client.signIn(account.username, account.password);
  if (!client.hasSessionCookie()) throw new Error(`could not sign in as ${account.username}`);
  return client.cookieHeader();
}

/** A Cookie header as cookies a browser context keeps for the app (context.addCookies). */
export function browserCookies(baseUrl: string, header: string) {
  return header
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url: baseUrl };
    });
}
