// Reading a page's filters from its URL and writing them back: a filtered view is a link that can
// be shared. Anything malformed is dropped rather than failing the page.
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed and cut to `maxLength`; undefined when empty. */
export function param(params: SearchParams, key: string, maxLength = 100): string | undefined {
  const value = params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim().slice(0, maxLength);
  return text ? text : undefined;
}

/** The parameter when it is one of `allowed`. */
export function oneOf<T extends string>(
  params: SearchParams,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = param(params, key);
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** `path?query` with the defined, non-empty values; `path` alone when there are none. */
export function hrefWith(path: string, values: Record<string, string | number | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
