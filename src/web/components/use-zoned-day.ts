import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";

/** Past midnight by this much before looking again, so a clock a little ahead does not miss it. */
const AFTER_MIDNIGHT_MS = 500;

/**
 * The person's calendar day (YYYY-MM-DD in their zone), kept current on a page left open: at
 * their midnight, and when the tab is shown again after a sleep, a new day re-renders the page
 * and loads every open query again, so "today" is never yesterday's.
 */
export function useZonedDay(timeZone: string): string {
  const [day, setDay] = useState(() => zonedDay(new Date(), timeZone));
  const queryClient = useQueryClient();
  useEffect(() => {
    const check = () => {
      const current = zonedDay(new Date(), timeZone);
      if (current === day) return;
      setDay(current);
      void queryClient.invalidateQueries();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Again after each look that found the same day (a timer that ran early, a clock put back).
    const schedule = () => {
      const wait = startOfZonedDay(nextDay(day), timeZone).getTime() - Date.now();
      timer = setTimeout(() => {
        check();
        schedule();
      }, Math.max(0, wait) + AFTER_MIDNIGHT_MS);
    };
    check();
    schedule();
    const onShow = () => document.visibilityState === "visible" && check();
    document.addEventListener("visibilitychange", onShow);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onShow);
    };
  }, [day, timeZone, queryClient]);
  return day;
}
