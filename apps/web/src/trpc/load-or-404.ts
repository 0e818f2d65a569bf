// Pages that show one record by the id in their URL load it through here: a malformed id, or one
// the api answers NOT_FOUND for (it does not exist, or it is someone else's), is the 404 page.
// Ids are UUIDs unless the page says what its ids look like (a payment reference, say).
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { isUuid } from "~/url/uuid";
import { getServerApi, type ServerApi } from "./server";

export async function loadOr404<T>(
  id: string,
  load: (api: ServerApi) => Promise<T>,
  isWellFormed: (id: string) => boolean = isUuid,
): Promise<T> {
  if (!isWellFormed(id)) notFound();
  const api = await getServerApi();
  try {
    return await load(api);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
