// An event's picture: the cover its organizer uploaded (AVIF or WebP, the width the screen
// needs), else an image link it was given, else a cover generated from its category and title.
// Every one fills a 16:9 frame, and the uploaded one carries its size, so nothing shifts as it
// loads.
import { coverVariants } from "@openticket/api/event-cover";
import type { EventCategory } from "@openticket/db/enums";

const GRADIENTS: Record<EventCategory, string> = {
  CONCERT: "from-fuchsia-600 to-indigo-700",
  TALK: "from-sky-600 to-cyan-700",
  SPORTS: "from-emerald-600 to-teal-700",
  EXHIBITION: "from-amber-500 to-orange-700",
  THEATRE: "from-rose-600 to-red-800",
  WORKSHOP: "from-lime-600 to-green-800",
  OTHER: "from-slate-500 to-slate-700",
};

const FRAME = "aspect-[16/9] w-full object-cover";

export type EventCoverFields = {
  title: string;
  category: EventCategory;
  imageUrl: string | null;
  coverKey: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
};

export function EventCover({
  event,
  sizes,
  priority = false,
}: {
  event: EventCoverFields;
  /** How wide the frame is on screen, as <img sizes> says it. */
  sizes: string;
  /** The page's main picture: loaded at once rather than when scrolled to. */
  priority?: boolean;
}) {
  const { coverKey, coverWidth, coverHeight } = event;
  if (coverKey && coverWidth && coverHeight) {
    const variants = coverVariants(coverKey, coverWidth);
    const srcSet = (format: "avif" | "webp") =>
      variants
        .filter((variant) => variant.format === format)
        .map((variant) => `/covers/${variant.name} ${variant.width}w`)
        .join(", ");
    const fallback =
      variants.find((variant) => variant.format === "webp" && variant.width >= 960) ??
      variants.filter((variant) => variant.format === "webp").at(-1);
    return (
      <picture>
        <source type="image/avif" srcSet={srcSet("avif")} sizes={sizes} />
        <source type="image/webp" srcSet={srcSet("webp")} sizes={sizes} />
        <img
          src={`/covers/${fallback?.name}`}
          alt=""
          width={coverWidth}
          height={coverHeight}
          loading={priority ? "eager" : "lazy"}
          decoding="async"
          data-testid="event-cover-image"
          className={FRAME}
        />
      </picture>
    );
  }
  if (event.imageUrl) {
    // biome-ignore lint/performance/noImgElement: organizer-supplied URLs from any host
    return <img src={event.imageUrl} alt="" className={FRAME} />;
  }
  return (
    <div
      aria-hidden
      data-testid="event-cover-generated"
      className={`flex aspect-[16/9] w-full items-end bg-gradient-to-br p-4 ${GRADIENTS[event.category]}`}
    >
      <span className="line-clamp-2 text-xl font-bold leading-tight text-white/90">
        {event.title}
      </span>
    </div>
  );
}
