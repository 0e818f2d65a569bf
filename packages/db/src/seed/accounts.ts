// The demo's people: the four accounts the README lists, and the fans whose past orders fill
// the sales figures and seat maps.
import type { Db } from "../client.ts";
import type { Prisma, Role } from "../generated/prisma/client.ts";
import { hashPassword } from "../password.ts";
import { taipeiTime } from "./clock.ts";
import { demoId } from "./ids.ts";
import { insertMissing } from "./insert.ts";

export type DemoAccount = {
  username: string;
  email: string;
  password: string;
  role: Role;
  displayName: string;
};

export const DEMO_ACCOUNTS = [
  {
    username: "admin",
    email: "admin@openticket.example",
    password: "admin-demo-2026",
    role: "ADMIN",
    displayName: "OpenTicket Admin",
  },
  {
    username: "organizer",
    email: "organizer@openticket.example",
    password: "organizer-demo-2026",
    role: "ORGANIZER",
    displayName: "Formosa Live",
  },
  {
    username: "organizer2",
    email: "organizer2@openticket.example",
    password: "organizer2-demo-2026",
    role: "ORGANIZER",
    displayName: "Harbour Talks",
  },
  {
    username: "attendee",
    email: "attendee@openticket.example",
    password: "attendee-demo-2026",
    role: "ATTENDEE",
    displayName: "Demo Attendee",
  },
] as const satisfies readonly DemoAccount[];

/** One password for every fan account: they exist to own orders, not to be signed in to. */
export const DEMO_FAN_PASSWORD = "fan-demo-2026";

const FAN_NAMES = [
  "Chen Wei-Ting",
  "Lin Yi-Hsuan",
  "Huang Chih-Ming",
  "Chang Ya-Ting",
  "Lee Chia-Hao",
  "Wang Shu-Fen",
  "Wu Po-Han",
  "Liu Hsin-Yi",
  "Tsai Cheng-En",
  "Yang Pei-Shan",
  "Hsu Kuan-Yu",
  "Cheng Yu-Chen",
  "Hsieh Tzu-Hsuan",
  "Kuo Chun-Hung",
  "Hung Wan-Ling",
  "Tseng Yu-Ting",
  "Chiu Ming-Hsun",
  "Lai Hui-Chun",
  "Chou Jui-Lin",
  "Su Yen-Ting",
  "Kao Shih-Chieh",
  "Lu Mei-Ling",
  "Chien Tsung-Han",
  "Fang Li-Wen",
  "Pan Chia-Ying",
  "Hou Ting-Wei",
  "Shih Yun-Chu",
  "Yeh Chien-Hung",
  "Chuang Hsiao-Wen",
  "Peng Kai-Wen",
  "Emily Tan",
  "Daniel Ho",
  "Sophie Martin",
  "Kenji Watanabe",
  "Grace Liao",
  "Marcus Weber",
  "Nadia Rahman",
  "Jason Ong",
  "Claire Dubois",
  "Tomás Alvarez",
] as const;

export const FAN_USERNAMES = FAN_NAMES.map(
  (_, index) => `fan${String(index + 1).padStart(2, "0")}`,
);

type AccountPlan = DemoAccount & { phone: string | null; joinedDaysAgo: number };

function accountPlans(): AccountPlan[] {
  const staff: AccountPlan[] = DEMO_ACCOUNTS.map((account, index) => ({
    ...account,
    phone: account.username === "attendee" ? "+886912000000" : null,
    joinedDaysAgo: 400 - index * 10,
  }));
  const fans: AccountPlan[] = FAN_NAMES.map((displayName, index) => {
    const username = FAN_USERNAMES[index] ?? `fan${index + 1}`;
    return {
      username,
      email: `${username}@openticket.example`,
      password: DEMO_FAN_PASSWORD,
      role: "ATTENDEE",
      displayName,
      // Only some people give a phone number at sign-up.
      phone: index % 3 === 0 ? `+8869${String(12_000_101 + index * 7_919).slice(0, 8)}` : null,
      joinedDaysAgo: 300 - index * 5,
    };
  });
  return [...staff, ...fans];
}

/** Ids of the demo accounts by username, as stored (an account may predate this seed). */
export type AccountIds = ReadonlyMap<string, string>;

export async function seedAccounts(db: Db, today: Date): Promise<AccountIds> {
  const plans = accountPlans();
  const usernames = plans.map((plan) => plan.username);
  const existing = new Set(
    (
      await db.user.findMany({ where: { username: { in: usernames } }, select: { username: true } })
    ).map((user) => user.username),
  );
  const missing = plans.filter((plan) => !existing.has(plan.username));

  // argon2 is deliberately slow: hash each distinct password once, and only for new accounts.
  const passwords = [...new Set(missing.map((plan) => plan.password))];
  const hashes = new Map(
    await Promise.all(
      passwords.map(async (password) => [password, await hashPassword(password)] as const),
    ),
  );

  const rows: Prisma.UserCreateManyInput[] = missing.map((plan) => {
    const joinedAt = taipeiTime(today, -plan.joinedDaysAgo, 10, 0);
    return {
      id: demoId(`user:${plan.username}`),
      username: plan.username,
      email: plan.email,
      passwordHash: hashes.get(plan.password) ?? "",
      displayName: plan.displayName,
      phone: plan.phone,
      role: plan.role,
      // Demo accounts can pay at once: their addresses count as verified from the day they joined.
      emailVerifiedAt: joinedAt,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    };
  });
  await insertMissing(db.user, rows);

  const stored = await db.user.findMany({
    where: { username: { in: usernames } },
    select: { id: true, username: true },
  });
  const ids = new Map(stored.map((user) => [user.username, user.id]));
  const absent = usernames.filter((username) => !ids.has(username));
  if (absent.length > 0) {
    // Only an existing account holding one of the demo emails under another username gets here.
    throw new Error(`Could not create demo accounts (email already taken?): ${absent.join(", ")}`);
  }
  return ids;
}

export function accountId(ids: AccountIds, username: string): string {
  const id = ids.get(username);
  if (!id) throw new Error(`No demo account ${username}`);
  return id;
}
