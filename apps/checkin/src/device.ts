// This browser's own random id (the api counts its rate limit per device) and the door it
// scans at, kept between visits.
import { v4 as uuidv4 } from "uuid";

const DEVICE_KEY = "openticket.checkin.device";
const DOOR_KEY = "openticket.checkin.door";

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = uuidv4();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

export function savedDoor(): string {
  return localStorage.getItem(DOOR_KEY) ?? "";
}

export function saveDoor(door: string) {
  localStorage.setItem(DOOR_KEY, door);
}

/** Something the app keeps on this phone between visits (null forgets it). */
export function remember(name: "me" | "station", value: unknown) {
  const key = `openticket.checkin.${name}`;
  if (value === null || value === undefined) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(value));
}

export function remembered<T>(name: "me" | "station"): T | null {
  const saved = localStorage.getItem(`openticket.checkin.${name}`);
  return saved ? (JSON.parse(saved) as T) : null;
}
