// Small builders for test data: each call makes fresh, uniquely named rows so tests sharing a
// database never collide.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../client.ts";
import type { EventCategory, EventStatus, Role } from "../generated/prisma/client.ts";

const unique = () => randomBytes(4).toString("hex");

export async function makeUser(
  db: Db,
  overrides: {
    role?: Role;
    username?: string;
    email?: string;
    passwordHash?: string;
    /** False: an account that has not opened its verification link yet (may not pay). */
    emailVerified?: boolean;
  } = {},
) {
  const username = overrides.username ?? `user_${unique()}`;
  return db.user.create({
    data: {
      username,
      email: overrides.email ?? `${username}@test.example`,
      passwordHash: overrides.passwordHash ?? "not-a-real-hash",
      displayName: `Test ${username}`,
      role: overrides.role ?? "ATTENDEE",
      emailVerifiedAt: overrides.emailVerified === false ? null : new Date(),
    },
  });
}

/** A venue with `rows` × `seatsPerRow` seats in one section. */
export async function makeVenue(
  db: Db,
  options: { ownerId: string; city?: string; rows?: number; seatsPerRow?: number },
) {
  const rows = options.rows ?? 2;
  const seatsPerRow = options.seatsPerRow ?? 5;
  const venue = await db.venue.create({
    data: {
      ownerId: options.ownerId,
      name: `Venue ${unique()}`,
      city: options.city ?? "Taipei",
      address: "1 Test Road",
      sections: { create: { name: "Main", ordering: 0 } },
    },
    include: { sections: true },
  });
  const section = venue.sections[0];
  if (!section) throw new Error("section missing");
  await db.seat.createMany({
    data: Array.from({ length: rows * seatsPerRow }, (_, i) => {
      const rowLabel = String.fromCharCode(65 + Math.floor(i / seatsPerRow));
      const number = (i % seatsPerRow) + 1;
      return {
        venueId: venue.id,
        sectionId: section.id,
        rowLabel,
        number,
        label: `${rowLabel}-${number}`,
        x: number * 10,
        y: Math.floor(i / seatsPerRow) * 10,
      };
    }),
  });
  return venue;
}

/** An event at `venueId` with one price tier and an EventSeat for every venue seat. */
export async function makeEvent(
  db: Db,
  options: {
    organizerId: string;
    venueId: string;
    title?: string;
    category?: EventCategory;
    status?: EventStatus;
    startsAt?: Date;
    city?: string;
    price?: number;
    performer?: string;
  },
) {
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
  const venue = await db.venue.findUniqueOrThrow({ where: { id: options.venueId } });
  const event = await db.event.create({
    data: {
      id: randomUUID(),
      organizerId: options.organizerId,
      venueId: options.venueId,
      title: options.title ?? `Event ${unique()}`,
      performer: options.performer ?? "Test Performer",
      category: options.category ?? "CONCERT",
      city: options.city ?? venue.city,
      status: options.status ?? "PUBLISHED",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      priceTiers: { create: { name: "Standard", price: options.price ?? 1000 } },
    },
    include: { priceTiers: true },
  });
  const tier = event.priceTiers[0];
  if (!tier) throw new Error("tier missing");
  const seats = await db.seat.findMany({
    where: { venueId: options.venueId },
    select: { id: true },
  });
  await db.eventSeat.createMany({
    data: seats.map((seat) => ({ eventId: event.id, seatId: seat.id, tierId: tier.id })),
  });
  return event;
}
