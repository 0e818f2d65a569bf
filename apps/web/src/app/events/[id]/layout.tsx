// Loads the event above any loading boundary below (seats/loading.tsx): a notFound() thrown inside
// one comes after its shell has streamed with status 200, so an unknown or malformed id would show
// "Page not found" with HTTP 200. Loaded here, it answers 404. The pages reuse the same load.
import type { ReactNode } from "react";
import { loadEvent } from "./load-event";

export default async function EventLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  await loadEvent((await params).id);
  return children;
}
