// admin.users.search: find users by username, e-mail or display name (any case), by role and by
// suspension, A→Z by username with cursor pagination. Never returns password hashes.
import { type Db, type Prisma, Role } from "@openticket/db";
import { z } from "zod";
import { id, pageSize, searchQuery } from "../../../input.ts";
import { containsText } from "../../text-search.ts";
import { managedUserSelect } from "./managed-user.ts";

export const searchUsersInput = z
  .object({
    q: searchQuery.optional(),
    role: z.enum(Role).optional(),
    suspended: z.boolean().optional(),
    cursor: id.optional(),
    limit: pageSize(100, 20),
  })
  .prefault({});

export async function searchUsers(db: Db, input: z.output<typeof searchUsersInput>) {
  const where: Prisma.UserWhereInput = {
    ...(input.q && {
      OR: [
        { username: containsText(input.q) },
        { email: containsText(input.q) },
        { displayName: containsText(input.q) },
      ],
    }),
    ...(input.role && { role: input.role }),
    ...(input.suspended !== undefined && {
      suspendedAt: input.suspended ? { not: null } : null,
    }),
  };
  const rows = await db.user.findMany({
    where,
    orderBy: { username: "asc" },
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
    select: {
      ...managedUserSelect,
      _count: { select: { orders: true, events: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ _count, ...user }) => ({
      ...user,
      orderCount: _count.orders,
      eventCount: _count.events,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
