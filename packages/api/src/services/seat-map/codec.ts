// The seat map's wire formats and their decoders, shared by the server (which encodes) and the
// browser (which decodes, through `@openticket/api/seat-map`). Client-safe: no Node-only module,
// no Prisma, no pg.
//
// A seat is addressed by its *position*: its index in the layout's stable order (section
// ordering, row, number). The layout says where each position is drawn and what it costs; the
// status says, per position, whether it can be bought. Neither carries seat ids.

/** Status codes, one per position. MINE only ever appears in what one caller receives. */
export const SEAT_CODES = { AVAILABLE: 0, HELD: 1, SOLD: 2, BLOCKED: 3, MINE: 4 } as const;
export type SeatCode = (typeof SEAT_CODES)[keyof typeof SEAT_CODES];
export const SEAT_CODE_NAMES = ["AVAILABLE", "HELD", "SOLD", "BLOCKED", "MINE"] as const;
export type SeatCodeName = (typeof SEAT_CODE_NAMES)[number];

/** A section of the layout; `standing`: a standing zone, its places sold by quantity. */
export type LayoutSection = { id: string; name: string; standing: boolean };

/** The row of a standing zone's places ("#"; seated rows are letters and digits). */
export const STANDING_ROW = "#";

/** A seat's label unless it has its own: "A-12", or a standing zone's place "#12". */
export function usualLabel(row: string, number: number): string {
  return row === STANDING_ROW ? `#${number}` : `${row}-${number}`;
}

/**
 * The layout as it travels: columns, not one object per seat. `number`, `x` and `y` are sent as
 * differences from the previous position, so a row's regular spacing compresses to almost
 * nothing; `rowIndex` points into `rows`; labels are `${row}-${number}` (a standing zone's place:
 * `#${number}`) except those listed.
 */
export type SeatLayoutWire = {
  eventId: string;
  /** A hash of everything below: changes whenever any of it changes. */
  version: string;
  currency: string;
  sections: LayoutSection[];
  tiers: { id: string; name: string; price: number }[];
  seatCount: number;
  section: number[];
  tier: number[];
  rows: string[];
  rowIndex: number[];
  numberDelta: number[];
  xDelta: number[];
  yDelta: number[];
  /** [position, label] for the seats whose label is not `${row}-${number}`. */
  labelExceptions: [number, string][];
};

export type SeatLayout = {
  eventId: string;
  version: string;
  currency: string;
  sections: LayoutSection[];
  tiers: { id: string; name: string; price: number }[];
  seatCount: number;
  section: Uint16Array;
  tier: Uint16Array;
  number: Int32Array;
  x: Int32Array;
  y: Int32Array;
  row: string[];
  label: string[];
};

/** What seatStatus answers: 2 bits per position (AVAILABLE, HELD, SOLD, BLOCKED), base64. */
export type SeatStatusWire = {
  version: string;
  layoutVersion: string;
  statuses: string;
  /** The caller's own held seats, which `statuses` shows as HELD. */
  mine: MyHeldSeats;
};

export type MyHeldSeats = { positions: number[]; expiresAt: Date | null };

export type SeatStatus = {
  version: string;
  layoutVersion: string;
  /** One code per position (SEAT_CODES), the caller's own held seats as MINE. */
  statuses: Uint8Array;
  mine: MyHeldSeats;
};

/** One changed seat: [position, code, when its hold ends (ms since epoch), for HELD and MINE]. */
export type SeatStatusChange = [position: number, code: SeatCode, expiresAt?: number];

/** A message of event.onSeatStatus: changes since `previous`, or a whole new status. */
export type SeatStatusMessage =
  | { version: string; previous: string; changes: SeatStatusChange[] }
  | { version: string; snapshot: SeatStatusWire };

export function encodeLayoutColumns(
  seats: {
    section: number;
    tier: number;
    row: string;
    number: number;
    label: string;
    x: number;
    y: number;
  }[],
) {
  const rows: string[] = [];
  const rowIds = new Map<string, number>();
  const columns = {
    section: [] as number[],
    tier: [] as number[],
    rows,
    rowIndex: [] as number[],
    numberDelta: [] as number[],
    xDelta: [] as number[],
    yDelta: [] as number[],
    labelExceptions: [] as [number, string][],
  };
  let previous = { number: 0, x: 0, y: 0 };
  seats.forEach((seat, position) => {
    let rowId = rowIds.get(seat.row);
    if (rowId === undefined) {
      rowId = rows.length;
      rows.push(seat.row);
      rowIds.set(seat.row, rowId);
    }
    columns.section.push(seat.section);
    columns.tier.push(seat.tier);
    columns.rowIndex.push(rowId);
    columns.numberDelta.push(seat.number - previous.number);
    columns.xDelta.push(seat.x - previous.x);
    columns.yDelta.push(seat.y - previous.y);
    if (seat.label !== usualLabel(seat.row, seat.number)) {
      columns.labelExceptions.push([position, seat.label]);
    }
    previous = seat;
  });
  return columns;
}

export function decodeSeatLayout(wire: SeatLayoutWire): SeatLayout {
  const count = wire.seatCount;
  const number = new Int32Array(count);
  const x = new Int32Array(count);
  const y = new Int32Array(count);
  const row: string[] = new Array(count);
  const label: string[] = new Array(count);
  let n = 0;
  let px = 0;
  let py = 0;
  for (let position = 0; position < count; position++) {
    n += wire.numberDelta[position] ?? 0;
    px += wire.xDelta[position] ?? 0;
    py += wire.yDelta[position] ?? 0;
    number[position] = n;
    x[position] = px;
    y[position] = py;
    const rowLabel = wire.rows[wire.rowIndex[position] ?? 0] ?? "";
    row[position] = rowLabel;
    label[position] = usualLabel(rowLabel, n);
  }
  for (const [position, text] of wire.labelExceptions) label[position] = text;
  return {
    eventId: wire.eventId,
    version: wire.version,
    currency: wire.currency,
    sections: wire.sections,
    tiers: wire.tiers,
    seatCount: count,
    section: Uint16Array.from(wire.section),
    tier: Uint16Array.from(wire.tier),
    number,
    x,
    y,
    row,
    label,
  };
}

/** Packs codes 0–3 four to a byte, base64. */
export function packStatuses(codes: Uint8Array): string {
  const packed = new Uint8Array(Math.ceil(codes.length / 4));
  for (let position = 0; position < codes.length; position++) {
    packed[position >> 2] =
      (packed[position >> 2] ?? 0) | (((codes[position] ?? 0) & 3) << ((position & 3) * 2));
  }
  return toBase64(packed);
}

export function unpackStatuses(base64: string, count: number): Uint8Array {
  const packed = fromBase64(base64);
  const codes = new Uint8Array(count);
  for (let position = 0; position < count; position++) {
    codes[position] = ((packed[position >> 2] ?? 0) >> ((position & 3) * 2)) & 3;
  }
  return codes;
}

/** The status as a client uses it: one code per position, the caller's seats as MINE. */
export function decodeSeatStatus(wire: SeatStatusWire, seatCount: number): SeatStatus {
  const statuses = unpackStatuses(wire.statuses, seatCount);
  for (const position of wire.mine.positions) {
    if (position < seatCount) statuses[position] = SEAT_CODES.MINE;
  }
  return { version: wire.version, layoutVersion: wire.layoutVersion, statuses, mine: wire.mine };
}

/**
 * Applies one onSeatStatus message. Answers null when the message does not follow the status
 * held (a missed delta): the client then subscribes again without `since`, and gets a snapshot.
 */
export function applySeatStatusMessage(
  current: SeatStatus | null,
  message: SeatStatusMessage,
  seatCount: number,
): SeatStatus | null {
  if ("snapshot" in message) return decodeSeatStatus(message.snapshot, seatCount);
  if (!current || current.version !== message.previous) return null;
  const statuses = current.statuses.slice();
  const mine = new Set(current.mine.positions);
  let expiresAt = current.mine.expiresAt?.getTime() ?? null;
  for (const [position, code, ends] of message.changes) {
    if (position >= seatCount) continue;
    statuses[position] = code;
    if (code === SEAT_CODES.MINE) {
      mine.add(position);
      if (ends !== undefined && (expiresAt === null || ends < expiresAt)) expiresAt = ends;
    } else {
      mine.delete(position);
    }
  }
  return {
    version: message.version,
    layoutVersion: current.layoutVersion,
    statuses,
    mine: {
      positions: [...mine].sort((a, b) => a - b),
      expiresAt: mine.size && expiresAt !== null ? new Date(expiresAt) : null,
    },
  };
}

// btoa/atob exist in browsers and in Node 16+; chunks keep String.fromCharCode's arguments few.
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
