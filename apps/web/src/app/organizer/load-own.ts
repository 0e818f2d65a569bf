// Organizer pages load one venue or event by the id in the URL: one that does not exist, or is
// someone else's (the api answers NOT_FOUND for both), is this console's 404.
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { isUuid } from "~/url/uuid";

export async function loadOwn<T>(id: string, load: () => Promise<T>): Promise<T> {
  if (!isUuid(id)) notFound();
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
