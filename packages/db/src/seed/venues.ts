// The demo venues and their seat maps. Coordinates are abstract units with seats 10 apart and
// the stage at the top (small y): sections are rectangles placed around it, and each seat also
// carries its price rank (front rows first) so events can price by row.
import type { Db } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { taipeiTime } from "./clock.ts";
import { demoId } from "./ids.ts";
import { insertMissing } from "./insert.ts";

const SEAT_PITCH = 10;

/** Row letters as venues print them: I and O are skipped, being easily read as 1 and 0. */
const ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

type Vector = { x: number; y: number };

type SectionPlan = {
  name: string;
  rows: number;
  seatsPerRow: number;
  /** Where seat 1 of row A sits. */
  origin: Vector;
  /** From one seat to the next in a row, and from one row to the next (away from the stage). */
  seatStep: Vector;
  rowStep: Vector;
  /** Lower is closer to the stage; rows of sections with the same zone are priced alike. */
  priceZone: number;
  /**
   * A standing zone: its "seats" are places numbered 1..rows × seatsPerRow (the entry order),
   * row "#", labelled "#n"; buyers ask for a quantity (docs: issue 15).
   */
  standing?: true;
};

export type VenueKey =
  | "taipei-arena"
  | "taichung-concert-hall"
  | "hsinchu-makerspace-room"
  | "kaohsiung-harbour-hall"
  | "tainan-anping-warehouse"
  | "zhongshan-live-house"
  | "songshan-studio";

type VenuePlan = {
  key: VenueKey;
  owner: "organizer" | "organizer2";
  name: string;
  city: string;
  address: string;
  sections: SectionPlan[];
};

const right = { x: SEAT_PITCH, y: 0 };
const down = { x: 0, y: SEAT_PITCH };
const left = { x: -SEAT_PITCH, y: 0 };

/** A standing zone of rows × perRow places in front of the stage, numbered row by row. */
function standingZone(
  name: string,
  rows: number,
  perRow: number,
  origin: Vector,
  priceZone: number,
): SectionPlan {
  return {
    name,
    rows,
    seatsPerRow: perRow,
    origin,
    seatStep: right,
    rowStep: down,
    priceZone,
    standing: true,
  };
}

/** A block of seats facing the stage at the top: seats run left to right, rows run downwards. */
function facingStage(
  name: string,
  rows: number,
  seatsPerRow: number,
  origin: Vector,
  priceZone: number,
) {
  return { name, rows, seatsPerRow, origin, seatStep: right, rowStep: down, priceZone };
}

const VENUES: readonly VenuePlan[] = [
  {
    key: "taipei-arena",
    owner: "organizer",
    name: "Taipei Arena",
    city: "Taipei",
    address: "No. 2, Sec. 4, Nanjing E. Rd., Songshan Dist., Taipei City 105",
    // Stage across the top (y < 100); the floor in front of it, a stand on each side facing
    // inwards, and two tiered stands facing the stage from the far end.
    sections: [
      facingStage("Floor A", 20, 40, { x: 270, y: 120 }, 0),
      facingStage("Floor B", 20, 40, { x: 270, y: 340 }, 1),
      {
        name: "West Stand",
        rows: 24,
        seatsPerRow: 38,
        origin: { x: 230, y: 120 },
        seatStep: down,
        rowStep: left,
        priceZone: 2,
      },
      {
        name: "East Stand",
        rows: 24,
        seatsPerRow: 38,
        origin: { x: 700, y: 120 },
        seatStep: down,
        rowStep: right,
        priceZone: 2,
      },
      facingStage("South Stand", 24, 38, { x: 280, y: 580 }, 2),
      facingStage("Upper Stand", 24, 38, { x: 280, y: 850 }, 3),
    ],
  },
  {
    key: "taichung-concert-hall",
    owner: "organizer",
    name: "Taichung Concert Hall",
    city: "Taichung",
    address: "No. 88, Sec. 2, Taiwan Blvd., West Dist., Taichung City 403",
    // Stalls split by a centre aisle, the circle raised behind them.
    sections: [
      facingStage("Stalls Left", 12, 10, { x: 0, y: 100 }, 0),
      facingStage("Stalls Right", 12, 10, { x: 130, y: 100 }, 0),
      facingStage("Circle", 4, 16, { x: 35, y: 260 }, 1),
    ],
  },
  {
    key: "hsinchu-makerspace-room",
    owner: "organizer",
    name: "Hsinchu Makerspace Room",
    city: "Hsinchu",
    address: "3F, No. 1, Guangfu Rd., East Dist., Hsinchu City 300",
    sections: [facingStage("Workbenches", 5, 10, { x: 0, y: 60 }, 0)],
  },
  {
    key: "kaohsiung-harbour-hall",
    owner: "organizer2",
    name: "Kaohsiung Harbour Hall",
    city: "Kaohsiung",
    address: "No. 5, Haibian Rd., Lingya Dist., Kaohsiung City 802",
    sections: [
      facingStage("Orchestra", 14, 16, { x: 0, y: 100 }, 0),
      facingStage("Mezzanine", 5, 16, { x: 0, y: 270 }, 1),
    ],
  },
  {
    key: "tainan-anping-warehouse",
    owner: "organizer2",
    name: "Anping Warehouse Hall",
    city: "Tainan",
    address: "No. 52, Yanping St., Anping Dist., Tainan City 708",
    sections: [facingStage("Hall", 10, 12, { x: 0, y: 80 }, 0)],
  },
  {
    key: "zhongshan-live-house",
    owner: "organizer",
    name: "Zhongshan Live House",
    city: "Taipei",
    address: "B1, No. 10, Sec. 1, Zhongshan N. Rd., Zhongshan Dist., Taipei City 104",
    // A standing floor (搖滾區) before the stage, a seated balcony behind it.
    sections: [
      standingZone("Rock Zone", 12, 25, { x: 0, y: 80 }, 0),
      facingStage("Balcony", 5, 20, { x: 25, y: 230 }, 1),
    ],
  },
  {
    key: "songshan-studio",
    owner: "organizer",
    name: "Songshan Creative Studio",
    city: "Taipei",
    address: "No. 133, Guangfu S. Rd., Xinyi Dist., Taipei City 110",
    // No seat map: a room of 120 places, for talks and meet-ups.
    sections: [standingZone("General Admission", 8, 15, { x: 0, y: 60 }, 0)],
  },
];

/** A venue seat with what the event and sales planners need to know about it. */
export type SeatPlan = {
  id: string;
  /** Stable name of the seat, e.g. "taipei-arena:Floor A:C:12", for deriving further ids. */
  key: string;
  sectionName: string;
  rowLabel: string;
  number: number;
  /** Share of the venue's seats in rows closer to the stage than this one, in [0, 1). */
  priceRank: number;
};

export type VenueLayout = {
  key: VenueKey;
  id: string;
  ownerUsername: VenuePlan["owner"];
  city: string;
  seats: SeatPlan[];
};

function rowLabel(index: number): string {
  const letter = ROW_LETTERS[index];
  if (!letter) throw new Error(`Row ${index + 1} has no label: at most ${ROW_LETTERS.length} rows`);
  return letter;
}

type Built = {
  layout: VenueLayout;
  sections: Prisma.SectionCreateManyInput[];
  seats: Prisma.SeatCreateManyInput[];
};

function buildVenue(plan: VenuePlan, venueId: string): Built {
  const sections: Prisma.SectionCreateManyInput[] = [];
  const seats: Prisma.SeatCreateManyInput[] = [];
  const rows: { zone: number; rowIndex: number; ordering: number; seats: SeatPlan[] }[] = [];

  plan.sections.forEach((section, ordering) => {
    const sectionId = demoId(`section:${plan.key}:${section.name}`);
    sections.push({
      id: sectionId,
      venueId,
      name: section.name,
      ordering,
      kind: section.standing ? "STANDING" : "SEATED",
    });
    for (let rowIndex = 0; rowIndex < section.rows; rowIndex++) {
      const label = section.standing ? "#" : rowLabel(rowIndex);
      const rowSeats: SeatPlan[] = [];
      for (let place = 1; place <= section.seatsPerRow; place++) {
        // A standing zone numbers its places on from row to row.
        const number = section.standing ? rowIndex * section.seatsPerRow + place : place;
        const key = `${plan.key}:${section.name}:${label}:${number}`;
        const id = demoId(`seat:${key}`);
        seats.push({
          id,
          venueId,
          sectionId,
          rowLabel: label,
          number,
          label: section.standing ? `#${number}` : `${label}-${number}`,
          x: section.origin.x + (place - 1) * section.seatStep.x + rowIndex * section.rowStep.x,
          y: section.origin.y + (place - 1) * section.seatStep.y + rowIndex * section.rowStep.y,
        });
        rowSeats.push({
          id,
          key,
          sectionName: section.name,
          rowLabel: label,
          number,
          priceRank: 0,
        });
      }
      rows.push({ zone: section.priceZone, rowIndex, ordering, seats: rowSeats });
    }
  });

  // Rank whole rows, so a price tier never changes in the middle of a row.
  rows.sort((a, b) => a.zone - b.zone || a.rowIndex - b.rowIndex || a.ordering - b.ordering);
  let closer = 0;
  for (const row of rows) {
    for (const seat of row.seats) seat.priceRank = closer / seats.length;
    closer += row.seats.length;
  }

  const layout: VenueLayout = {
    key: plan.key,
    id: venueId,
    ownerUsername: plan.owner,
    city: plan.city,
    seats: rows.flatMap((row) => row.seats),
  };
  return { layout, sections, seats };
}

export async function seedVenues(
  db: Db,
  today: Date,
  ownerId: (username: string) => string,
): Promise<Map<VenueKey, VenueLayout>> {
  const built = VENUES.map((plan) => ({ plan, ...buildVenue(plan, demoId(`venue:${plan.key}`)) }));
  const openedAt = taipeiTime(today, -365, 9, 0);
  await insertMissing(
    db.venue,
    built.map(({ plan, layout }) => ({
      id: layout.id,
      ownerId: ownerId(plan.owner),
      name: plan.name,
      city: plan.city,
      address: plan.address,
      timeZone: "Asia/Taipei",
      createdAt: openedAt,
      updatedAt: openedAt,
    })),
  );
  await insertMissing(
    db.section,
    built.flatMap((b) => b.sections),
  );
  await insertMissing(
    db.seat,
    built.flatMap((b) => b.seats),
  );
  return new Map(built.map(({ layout }) => [layout.key, layout]));
}
