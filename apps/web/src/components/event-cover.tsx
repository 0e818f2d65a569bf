// An event's picture, or a cover generated from its category and title when it has none.
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

export function EventCover({
  title,
  category,
  imageUrl,
}: {
  title: string;
  category: EventCategory;
  imageUrl: string | null;
}) {
  if (imageUrl) {
    // biome-ignore lint/performance/noImgElement: organizer-supplied URLs from any host
    return <img src={imageUrl} alt="" className="aspect-[16/9] w-full object-cover" />;
  }
  return (
    <div
      aria-hidden
      className={`flex aspect-[16/9] w-full items-end bg-gradient-to-br p-4 ${GRADIENTS[category]}`}
    >
      <span className="line-clamp-2 text-xl font-bold leading-tight text-white/90">{title}</span>
    </div>
  );
}
