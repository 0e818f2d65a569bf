// A message's text part with its web links clickable, so that on the zero-setup run an admin
// can follow a reset or verification link from the local mailbox. Only http(s) links become
// anchors (never javascript: or data:), React escapes every character, and the link carries no
// referrer (the admin page's address stays here).
const WEB_LINK = /https?:\/\/[^\s<>"]+/g;

/** The text split into plain runs and http(s) links, in order. */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const parts: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_LINK)) {
    // A sentence's closing punctuation is not part of the link.
    const href = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: href, href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function MailText({ text }: { text: string }) {
  return (
    <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded-xl border border-slate-200 bg-white p-4 text-sm">
      {splitLinks(text).map((part, index) =>
        part.href ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
            key={index}
            href={part.href}
            rel="noreferrer noopener"
            className="break-all text-brand-700 underline hover:no-underline"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </pre>
  );
}
