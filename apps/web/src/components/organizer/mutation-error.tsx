"use client";
import type { AppErrorDetails } from "@openticket/api";
// Why the api refused a change, in the reader's language: a headline per error code, then the
// api's own explanation and each field problem under the field's label (never its key).
import { useTranslations } from "next-intl";
import { useApiMessage } from "~/i18n/api-message";

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
  const apiMessage = useApiMessage();
  if (!error) return null;
  const code = error.data?.code ?? "";
  const zod = error.data?.zodError;
  // A field the form does not label (a nested or unexpected one) is left unnamed rather than
  // shown as a key: the message itself still says what is wrong.
  const fieldLabel = (field: string) =>
    t.has(`fields.${field}`) ? `${t(`fields.${field}`)}: ` : "";
  const fieldProblems = zod
    ? Object.entries(zod.fieldErrors).flatMap(([field, messages]) =>
        (messages ?? []).map((message) => `${fieldLabel(field)}${apiMessage(message)}`),
      )
    : [];
  const problems = [...new Set([...(zod?.formErrors ?? []).map(apiMessage), ...fieldProblems])];
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      <p className="font-medium">{KNOWN_CODES.includes(code) ? t(code) : t("other")}</p>
      {!zod && (
        <p>
          {fieldLabel(error.data?.details?.field ?? "")}
          {apiMessage(error.message)}
        </p>
      )}
      {zod && (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
