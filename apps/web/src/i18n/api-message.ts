// The api speaks English in sentences it catalogues under stable keys (@openticket/api/messages);
// here each is shown in the reader's language from messages/<locale>/apiMessages.json, with its
// values carried over. A sentence the catalogue does not know is shown as the api said it.
import { recognizeApiMessage } from "@openticket/api/messages";
import { useTranslations } from "next-intl";

type Translate = (key: string, values?: Record<string, string>) => string;

export function translateApiMessage(t: Translate, message: string): string {
  const known = recognizeApiMessage(message);
  return known ? t(known.key, known.values) : message;
}

/** A function that puts an api message into the reader's language (client components). */
export function useApiMessage(): (message: string) => string {
  const t = useTranslations("apiMessages") as unknown as Translate;
  return (message) => translateApiMessage(t, message);
}
