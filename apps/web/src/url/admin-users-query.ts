// The users page's search, read from and written to the URL.
import { Role } from "@openticket/db/enums";
import { hrefWith, oneOf, param, type SearchParams } from "./search-params";
import { uuidOrUndefined } from "./uuid";

export const ROLES = Object.values(Role);
export const ACCOUNT_STATES = ["active", "suspended"] as const;

export type UsersQuery = {
  q?: string;
  role?: Role;
  state?: (typeof ACCOUNT_STATES)[number];
  cursor?: string;
};

export function usersQueryFromUrl(params: SearchParams): UsersQuery {
  return {
    q: param(params, "q"),
    role: oneOf(params, "role", ROLES),
    state: oneOf(params, "state", ACCOUNT_STATES),
    cursor: uuidOrUndefined(param(params, "cursor")),
  };
}

export function toUsersInput(query: UsersQuery) {
  return {
    q: query.q,
    role: query.role,
    suspended: query.state === undefined ? undefined : query.state === "suspended",
    cursor: query.cursor,
    limit: 20,
  };
}

export function usersHref(query: UsersQuery, cursor?: string) {
  return hrefWith("/admin/users", { q: query.q, role: query.role, state: query.state, cursor });
}
