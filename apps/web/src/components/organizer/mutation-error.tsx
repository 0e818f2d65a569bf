"use client";
import type { AppErrorDetails } from "@openticket/api";
// Why the api refused a change, in the reader's language as far as we can: a headline per error
// code, then the api's own explanation and any fields its validation named.
import { useTranslations } from "next-intl";

export type ApiFailure = {
  message: string;
  data?: {
    code?: string;
    details?: AppErrorDetails | null;
    zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  } | null;
};

const KNOWN_CODES = ["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "CONFLICT"];

export function MutationError({ error }: { error: ApiFailure | null | undefined }) {
  const t = useTranslations("organizer.errors");
  if (!error) return null;
  const code = error.data?.code ?? "";
  const zod = error.data?.zodError;
  const fieldProblems = zod
    ? Object.entries(zod.fieldErrors).flatMap(([field, messages]) =>
        (messages ?? []).map((message) => `${field}: ${message}`),
      )
    : [];
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      <p className="font-medium">{KNOWN_CODES.includes(code) ? t(code) : t("other")}</p>
      {!zod && <p>{error.message}</p>}
      {zod && (
        <ul className="mt-1 list-disc pl-5">
          {[...zod.formErrors, ...fieldProblems].map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
