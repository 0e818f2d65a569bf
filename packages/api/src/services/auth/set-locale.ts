// auth.setLocale: the language messages to this user are written in (users.locale), kept in
// step with the language they chose in the app.
import type { Db } from "@openticket/db";
import { z } from "zod";
import type { Caller } from "../../context.ts";
import { mailLocale } from "./account-input.ts";

export const setLocaleInput = z.object({ locale: mailLocale });

export async function setLocale(
  db: Db,
  input: z.output<typeof setLocaleInput>,
  caller: Caller,
): Promise<{ locale: string }> {
  await db.user.update({ where: { id: caller.user.id }, data: { locale: input.locale } });
  return { locale: input.locale };
}
