// The reader's catalogue by locale.
import type { Locale } from "../mail-data.ts";
import { type Catalogue, en } from "./en.ts";
import { zhTW } from "./zh-TW.ts";

export type { Catalogue };

export const catalogues: Record<Locale, Catalogue> = { en, "zh-TW": zhTW };
