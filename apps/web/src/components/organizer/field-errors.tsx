// The api's refusals placed on a form: the field it named (details.field) and zod's field
// problems, each under the form field that shows it, in the reader's language. Shared by the
// console's create and edit forms (discount codes, ticket types).
import type { ApiFailure } from "./mutation-error";

/** The first problem of each form field the api named, in the reader's language. */
export function fieldErrorsOf<Field extends string>(
  error: ApiFailure | null | undefined,
  apiMessage: (message: string) => string,
  fieldOf: Record<string, Field>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!error) return errors;
  const field = fieldOf[error.data?.details?.field ?? ""];
  if (field) errors[field] = apiMessage(error.message);
  for (const [name, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    const target = fieldOf[name];
    if (target && messages?.[0] && !errors[target]) errors[target] = apiMessage(messages[0]);
  }
  return errors;
}

/** A problem with a group of choices or a select, below it (as FormField shows one below its input). */
export function FieldError({ id, error }: { id: string; error: string }) {
  return (
    <p id={`${id}-error`} className="text-xs font-medium text-red-700">
      {error}
    </p>
  );
}
