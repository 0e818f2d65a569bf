// One event for its pages (details, seats, checkout), loaded once per request: a page and its
// metadata share it. A malformed or unknown id is the 404 page.
import { cache } from "react";
import { loadOr404 } from "~/trpc/load-or-404";

export const loadEvent = cache((id: string) => loadOr404(id, (api) => api.event.byId({ id })));
