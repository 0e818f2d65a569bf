// One of the organizer's events for its layout and tabs, loaded once per request: the layout, a
// tab and its metadata share it. An unknown id, or someone else's event, is the 404 page.
import { cache } from "react";
import { loadOr404 } from "~/trpc/load-or-404";

export const loadOwnEvent = cache((id: string) =>
  loadOr404(id, (api) => api.organizer.events.byId({ eventId: id })),
);
