// Guards for the role consoles' layouts: signed-out visitors are sent to sign in, signed-in
// users without the role get the 403 page. The api procedures check again on every call.
import "server-only";
import type { Role } from "@openticket/db";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser } from "~/server/auth";

export async function requireRole(roles: Role[], callbackUrl: string) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!roles.includes(user.role)) forbidden();
  return user;
}
