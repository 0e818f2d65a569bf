/** Only same-site paths may be returned to after sign-in; anything else goes home. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
