// The app's one way to OpenTicket: the typed client of @openticket/api over HTTP, on this app's
// own origin (vite.config.ts passes /api on). Types come from the router; nothing is copied.
import type { RouterInputs, RouterOutputs } from "@openticket/api";
import { createOpenTicketClient } from "@openticket/api/client";
import { TRPCClientError } from "@trpc/client";

export const api = createOpenTicketClient({ url: "/api/trpc" });

export type ScannableEvent = RouterOutputs["checkin"]["events"][number];
export type ScanAnswer = RouterOutputs["checkin"]["scan"];
export type ScanInput = RouterInputs["checkin"]["scan"];
export type Me = RouterOutputs["auth"]["me"];

/** Signs in through next-auth's own credentials flow, as the web app's form does. */
export async function signIn(login: string, password: string): Promise<Me | null> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
    redirect: "manual",
  });
  return whoAmI();
}

export async function signOut() {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
}

/** The signed-in user, or null when nobody is. */
export async function whoAmI(): Promise<Me | null> {
  try {
    return await api.auth.me.query();
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED") return null;
    throw error;
  }
}

/** The tRPC code of a refusal, or "NETWORK" when OpenTicket could not be reached. */
export function refusalCode(error: unknown): string {
  if (error instanceof TRPCClientError) return error.data?.code ?? "NETWORK";
  return "NETWORK";
}
