// One of the buyer's orders, loaded once per request: the page and its metadata share it. An
// unknown id, or someone else's order, is the 404 page.
import { cache } from "react";
import { loadOr404 } from "~/trpc/load-or-404";

export const loadOrder = cache((id: string) =>
  loadOr404(id, (api) => api.order.byId({ orderId: id })),
);
