// The audit log's filters, read from and written to the URL. The actor is named by username;
// the page looks up the id the api filters by.

import { hrefWith, param, type SearchParams } from "./search-params";
import { uuidOrUndefined } from "./uuid";

export type AuditQuery = { action?: string; entity?: string; actor?: string; cursor?: string };

export function auditQueryFromUrl(params: SearchParams): AuditQuery {
  return {
    action: param(params, "action", 100),
    entity: param(params, "entity", 50),
    actor: param(params, "actor", 100),
    cursor: uuidOrUndefined(param(params, "cursor")),
  };
}

export function auditHref(query: AuditQuery, cursor?: string) {
  return hrefWith("/admin/audit", {
    action: query.action,
    entity: query.entity,
    actor: query.actor,
    cursor,
  });
}

/** The actions and entity types the api records today; offered as suggestions, not a limit. */
export const KNOWN_ACTIONS = [
  "user.role",
  "user.suspend",
  "user.unsuspend",
  "event.create",
  "event.update",
  "event.publish",
  "event.cancel",
  "event.delete",
  "event.setSeatTiers",
  "seat.block",
  "seat.unblock",
  "order.refund",
  "venue.create",
  "venue.update",
  "venue.importLayout",
  "venue.addSection",
  "venue.removeSection",
  "venue.removeSeats",
];
export const KNOWN_ENTITY_TYPES = ["user", "event", "order", "venue"];
