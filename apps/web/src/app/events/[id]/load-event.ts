// Loads an event for its pages, turning a malformed or unknown id into the 404 page.
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getServerApi } from "~/trpc/server";
import { isUuid } from "~/url/uuid";

export const loadEvent = cache(async (id: string) => {
  if (!isUuid(id)) notFound();
  const api = await getServerApi();
  try {
    return await api.event.byId({ id });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
