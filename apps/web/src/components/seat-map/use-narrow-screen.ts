"use client";
// Whether the page is as narrow as a phone's (or a tablet held upright): below Tailwind's `lg`,
// where the selection panel goes under the map and the phone's section-first flow applies.
// A width must hold for a moment to count: a full-page screenshot or a window being dragged
// narrows the page for an instant, and switching flows on that would reset the map.
import { useSyncExternalStore } from "react";

const NARROW = "(max-width: 1023.98px)";
const SETTLE_MS = 300;

let settled: boolean | undefined;

function snapshot() {
  settled ??= window.matchMedia(NARROW).matches;
  return settled;
}

function subscribe(changed: () => void) {
  const query = window.matchMedia(NARROW);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      settled = query.matches;
      changed();
    }, SETTLE_MS);
  };
  query.addEventListener("change", onChange);
  return () => {
    clearTimeout(timer);
    query.removeEventListener("change", onChange);
  };
}

export function useNarrowScreen() {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
