// @openticket/api/seat-map — the seat map's wire formats and decoders, for browsers and other
// clients: no server-only imports. See services/seat-map/codec.ts.
export {
  applySeatStatusMessage,
  decodeSeatLayout,
  decodeSeatStatus,
  type MyHeldSeats,
  SEAT_CODE_NAMES,
  SEAT_CODES,
  type SeatCode,
  type SeatCodeName,
  type SeatLayout,
  type SeatLayoutWire,
  type SeatStatus,
  type SeatStatusChange,
  type SeatStatusMessage,
  type SeatStatusWire,
} from "./services/seat-map/codec.ts";
