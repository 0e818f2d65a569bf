"use client";
import { useEffect, useState } from "react";

/** Milliseconds left until `deadline`, updated every second; null without a deadline. */
export function useCountdown(deadline: Date | null): number | null {
  const target = deadline?.getTime() ?? null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (target === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [target]);
  return target === null ? null : Math.max(0, target - now);
}
