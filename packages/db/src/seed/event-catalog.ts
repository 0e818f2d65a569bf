// What is on: the demo programme across every category and city. Dates are days from today in
// Taipei, so the calendar always has past shows to review and upcoming ones to buy; how much of
// each event has sold is fixed here rather than derived from the date, so reruns agree.
import type { EventCategory, EventStatus } from "../generated/prisma/client.ts";
import type { VenueKey } from "./venues.ts";

export type SalesPlan = {
  /** Share of sellable seats sold; 1 sells out. */
  soldShare: number;
  /** The demo attendee's orders here, on the best seats sold; "cancelled" ones were refunded. */
  attendee?: readonly ("paid" | "cancelled")[];
};

export type EventPlan = {
  /** Stable slug: the natural key every id of this event's rows derives from. */
  key: string;
  venue: VenueKey;
  title: string;
  performer: string;
  category: EventCategory;
  status: EventStatus;
  description: string;
  /** Days from today (Taipei); negative days have already happened. */
  day: number;
  /** Taipei wall-clock start, [hour, minute]. */
  time: readonly [number, number];
  durationMinutes: number;
  salesOpenDaysBefore: number;
  maxSeatsPerOrder: number;
  /** `untilHours` null: never refundable. */
  refund: { untilHours: number | null; percent: number };
  /** Most expensive first, for the front rows. Prices in TWD, which has no minor unit. */
  tiers: readonly (readonly [name: string, price: number])[];
  /** Ticket types besides the tiers' prices, for every seat: Student, Early bird… */
  ticketTypes?: readonly {
    name: string;
    price: number;
    quota?: number;
    note?: string;
    /** The type's sale ends this many days before the event (an early bird). */
    endsDaysBefore?: number;
  }[];
  /** Discount codes for this event; `forTypes` limits one to those ticket types' tickets. */
  discountCodes?: readonly {
    code: string;
    kind: "PERCENT" | "AMOUNT";
    /** Percent, or TWD off. */
    value: number;
    maxUses?: number;
    forTypes?: readonly string[];
  }[];
  /** Tiers by section name instead of by row (a standing zone is one price throughout). */
  tierBySection?: Readonly<Record<string, string>>;
  sales?: SalesPlan;
  /** For CANCELLED events: the day the organizer called it off (every order was refunded). */
  cancelledDay?: number;
  /** Seats taken out of sale, e.g. for the sound desk. */
  blocked?: { section: string; rows: readonly string[]; numbers: readonly [number, number] };
};

const EVENING = [19, 30] as const;

export const EVENT_CATALOG: readonly EventPlan[] = [
  // Taipei Arena
  {
    key: "neon-harbour-midnight-tide",
    venue: "taipei-arena",
    title: "Neon Harbour: Midnight Tide Tour",
    performer: "Neon Harbour",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "Taipei's own synth-pop heroes bring the Midnight Tide tour home for one night only. Expect the full live band, a new stage show built around the album's ocean-at-night visuals, and fan favourites from a decade of records alongside the new songs. Doors open at 18:00 and the support set starts at 18:45.",
    day: 24,
    time: EVENING,
    durationMinutes: 180,
    salesOpenDaysBefore: 45,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 168, percent: 90 },
    tiers: [
      ["VIP", 4800],
      ["A", 3200],
      ["B", 2200],
      ["C", 1200],
    ],
    sales: { soldShare: 0.72, attendee: ["paid"] },
    blocked: { section: "Floor B", rows: ["T", "U", "V"], numbers: [17, 24] },
  },
  {
    key: "formosa-league-finals-game-1",
    venue: "taipei-arena",
    title: "Formosa League Finals: Game 1",
    performer: "Taipei Thunderbirds vs Kaohsiung Steelers",
    category: "SPORTS",
    status: "PUBLISHED",
    description:
      "The best-of-seven basketball finals tip off in Taipei. The Thunderbirds finished top of the regular season on the league's best defence; the Steelers arrive on a nine-game winning streak behind the scoring of their rookie guard. Halftime show by the Thunderbirds drumline; arrive early for the warm-ups.",
    day: -21,
    time: [19, 0],
    durationMinutes: 150,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 8,
    refund: { untilHours: null, percent: 100 },
    tiers: [
      ["Courtside", 3600],
      ["Lower Bowl", 1800],
      ["Upper Bowl", 900],
    ],
    sales: { soldShare: 0.88 },
  },
  {
    key: "lin-yu-chen-letters-home",
    venue: "taipei-arena",
    title: "Lin Yu-Chen: Letters Home Live",
    performer: "Lin Yu-Chen",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "Singer-songwriter Lin Yu-Chen plays her first arena show, built around Letters Home, the album she wrote after moving back to Taipei from Berlin. A string section joins her band for the quieter second half, and the set closes with the acoustic encore her fans have been asking for since the club days.",
    day: -45,
    time: EVENING,
    durationMinutes: 150,
    salesOpenDaysBefore: 60,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 72, percent: 80 },
    tiers: [
      ["VIP", 5200],
      ["A", 3600],
      ["B", 2400],
      ["C", 1600],
    ],
    sales: { soldShare: 0.93, attendee: ["paid"] },
  },
  {
    key: "cirque-lumiere-orbit",
    venue: "taipei-arena",
    title: "Cirque Lumière: Orbit",
    performer: "Cirque Lumière",
    category: "THEATRE",
    status: "PUBLISHED",
    description:
      "Forty acrobats, aerialists and musicians tell the story of a lighthouse keeper who builds a ladder to the moon. The Montreal company's newest production plays in the round on a rotating stage, with live music and no words, so it works for every age. Running time about two hours including an interval.",
    day: 52,
    time: EVENING,
    durationMinutes: 130,
    salesOpenDaysBefore: 60,
    maxSeatsPerOrder: 8,
    refund: { untilHours: 48, percent: 100 },
    tiers: [
      ["Premium", 3800],
      ["Standard", 2600],
      ["Family", 1500],
    ],
    sales: { soldShare: 0.35 },
  },
  {
    key: "skyline-symphony-film-music",
    venue: "taipei-arena",
    title: "Skyline Symphony: Film Music in Concert",
    performer: "Skyline Symphony Orchestra",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "A ninety-piece orchestra and choir play the great film scores on the arena's big screens, from space epics to hand-drawn animation. Conductor Elena Marsh introduces each suite with stories from the recording sessions. Tickets go on sale a few weeks before the show.",
    day: 80,
    time: EVENING,
    durationMinutes: 150,
    salesOpenDaysBefore: 60,
    maxSeatsPerOrder: 10,
    refund: { untilHours: 168, percent: 100 },
    tiers: [
      ["VIP", 4200],
      ["A", 3000],
      ["B", 2000],
      ["C", 1000],
    ],
  },

  // Taichung Concert Hall
  {
    key: "taichung-philharmonic-beethoven-nine",
    venue: "taichung-concert-hall",
    title: "Taichung Philharmonic: Beethoven's Ninth",
    performer: "Taichung Philharmonic Orchestra & Chorus",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "Music director Kuo Wen-Hsin leads the orchestra, a hundred-voice chorus and four soloists in Beethoven's final symphony, the one that ends in the Ode to Joy. The hall's new acoustic canopy makes this the first Ninth heard here as the architects intended. A pre-concert talk starts in the foyer at 18:45.",
    day: -30,
    time: EVENING,
    durationMinutes: 100,
    salesOpenDaysBefore: 45,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 72, percent: 90 },
    tiers: [
      ["Premium", 2400],
      ["Standard", 1600],
      ["Circle", 900],
    ],
    sales: { soldShare: 0.82 },
  },
  {
    key: "chamber-evenings-debussy-ravel",
    venue: "taichung-concert-hall",
    title: "Chamber Evenings: Debussy & Ravel",
    performer: "Aster String Quartet with Chen Hsiao-Wei, piano",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "The Aster Quartet pairs the only string quartets Debussy and Ravel wrote, then joins pianist Chen Hsiao-Wei for Ravel's shimmering Introduction and Allegro in an arrangement made for this tour. An intimate evening of French music in the hall's most flattering acoustic.",
    day: 10,
    time: EVENING,
    durationMinutes: 110,
    salesOpenDaysBefore: 40,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 48, percent: 100 },
    tiers: [
      ["Stalls", 1800],
      ["Circle", 1000],
    ],
    sales: { soldShare: 0.55 },
  },
  {
    key: "the-glass-menagerie",
    venue: "taichung-concert-hall",
    title: "The Glass Menagerie",
    performer: "Taichung Repertory Theatre",
    category: "THEATRE",
    status: "PUBLISHED",
    description:
      "Tennessee Williams's memory play about the Wingfield family, staged in a spare new production that moves the story to a Taichung apartment in the 1970s. Performed in Mandarin with English surtitles. Nearly every seat has gone; the last few are in the circle.",
    day: 17,
    time: EVENING,
    durationMinutes: 140,
    salesOpenDaysBefore: 50,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 24, percent: 50 },
    tiers: [
      ["Premium", 2000],
      ["Standard", 1400],
      ["Circle", 800],
    ],
    sales: { soldShare: 0.96 },
  },
  {
    key: "lost-in-translation-standup",
    venue: "taichung-concert-hall",
    title: "Lost in Translation: Bilingual Stand-up Night",
    performer: "Ray Huang, Sam Clarke and friends",
    category: "OTHER",
    status: "PUBLISHED",
    description:
      "Four comedians, two languages, one very confused audience. Ray Huang and Sam Clarke host a night of stand-up about living between Mandarin and English, with sets switching language mid-joke and a closing round where the audience supplies the phrases to mistranslate. Recommended for ages 16 and up.",
    day: -9,
    time: [20, 0],
    durationMinutes: 120,
    salesOpenDaysBefore: 35,
    maxSeatsPerOrder: 6,
    refund: { untilHours: null, percent: 100 },
    tiers: [
      ["Front", 1200],
      ["Standard", 800],
    ],
    sales: { soldShare: 0.7 },
  },
  {
    key: "blue-monsoon-quartet",
    venue: "taichung-concert-hall",
    title: "Jazz at the Hall: Blue Monsoon Quartet",
    performer: "Blue Monsoon Quartet",
    category: "CONCERT",
    status: "DRAFT",
    description:
      "Saxophonist Daniel Ho's quartet returns with new compositions inspired by a summer of typhoons, plus the standards that made their name in Taichung's late-night clubs. Programme and guest vocalist to be announced.",
    day: 38,
    time: EVENING,
    durationMinutes: 120,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 72, percent: 100 },
    tiers: [
      ["Stalls", 1500],
      ["Circle", 900],
    ],
  },
  {
    key: "a-midsummer-nights-dream",
    venue: "taichung-concert-hall",
    title: "A Midsummer Night's Dream",
    performer: "Lantern Players",
    category: "THEATRE",
    status: "PUBLISHED",
    description:
      "Shakespeare's comedy of lovers, fairies and amateur actors lost in an enchanted forest, played by a young ensemble with live folk music and puppetry. Performed in English with Mandarin surtitles. A good first Shakespeare for older children.",
    day: 60,
    time: EVENING,
    durationMinutes: 150,
    salesOpenDaysBefore: 40,
    maxSeatsPerOrder: 8,
    refund: { untilHours: 168, percent: 100 },
    tiers: [
      ["Premium", 1800],
      ["Standard", 1200],
      ["Circle", 700],
    ],
  },

  // Hsinchu Makerspace Room
  {
    key: "arduino-plant-monitor",
    venue: "hsinchu-makerspace-room",
    title: "Intro to Arduino: Build a Plant Monitor",
    performer: "Hsinchu Makers Collective",
    category: "WORKSHOP",
    status: "PUBLISHED",
    description:
      "Never programmed a microcontroller? In three hours you will wire a soil-moisture sensor to an Arduino, write the code that reads it, and go home with a monitor that blinks when your plant is thirsty. All parts are included; bring a laptop with the Arduino IDE installed.",
    day: -14,
    time: [14, 0],
    durationMinutes: 180,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 48, percent: 100 },
    tiers: [
      ["Front Bench", 900],
      ["Standard", 700],
    ],
    sales: { soldShare: 0.9 },
  },
  {
    key: "soldering-first-synth",
    venue: "hsinchu-makerspace-room",
    title: "Soldering 101: Your First Synth Kit",
    performer: "Kit Chen of Pocket Modular",
    category: "WORKSHOP",
    status: "PUBLISHED",
    description:
      "Learn to solder properly, from tinning the iron to fixing a cold joint, by building a pocket-sized analogue synthesiser. Kit Chen walks the room through each stage, and by the end your synth plays its first bleep. Irons, kits and safety glasses provided. Sold out: join the waiting list at the makerspace.",
    day: 6,
    time: [14, 0],
    durationMinutes: 180,
    salesOpenDaysBefore: 28,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 72, percent: 100 },
    tiers: [
      ["Front Bench", 1500],
      ["Standard", 1200],
    ],
    sales: { soldShare: 1, attendee: ["paid"] },
  },
  {
    key: "laser-cutting-for-beginners",
    venue: "hsinchu-makerspace-room",
    title: "Laser Cutting for Beginners",
    performer: "Hsinchu Makers Collective",
    category: "WORKSHOP",
    status: "PUBLISHED",
    description:
      "Design a flat-pack desk organiser in free vector software, learn how kerf and focus affect a cut, and run your own job on the makerspace's laser cutter under supervision. Completing the session qualifies you for unsupervised laser time as a member.",
    day: 20,
    time: [10, 0],
    durationMinutes: 180,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 24, percent: 80 },
    tiers: [
      ["Front Bench", 1100],
      ["Standard", 900],
    ],
    sales: { soldShare: 0.4 },
  },
  {
    key: "maker-faire-preview",
    venue: "hsinchu-makerspace-room",
    title: "Maker Faire Preview: Robots & Wearables",
    performer: "Hsinchu Makers Collective",
    category: "EXHIBITION",
    status: "PUBLISHED",
    description:
      "A seated preview of the projects heading to this year's Maker Faire: a robot that sorts recycling, light-up jackets for night cyclists and a braille display built from pager motors. Each maker demonstrates and takes questions; the afternoon ends with an open table where you can try everything.",
    day: 27,
    time: [13, 0],
    durationMinutes: 240,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 24, percent: 100 },
    tiers: [
      ["Front Row", 400],
      ["General", 250],
    ],
    sales: { soldShare: 0.2 },
  },
  {
    key: "rust-on-tiny-chips",
    venue: "hsinchu-makerspace-room",
    title: "Rust on Tiny Chips: Embedded Devices Without Fear",
    performer: "Dr. Hannah Yeh",
    category: "TALK",
    status: "PUBLISHED",
    description:
      "Firmware engineer Hannah Yeh explains how her team moved a fleet of sensors from C to Rust, what the compiler caught that code review never did, and where the language still gets in the way on chips with 64 KB of memory. Live demo on a development board, questions afterwards.",
    day: -60,
    time: [19, 0],
    durationMinutes: 120,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 4,
    refund: { untilHours: null, percent: 100 },
    tiers: [
      ["Front", 500],
      ["Standard", 300],
    ],
    sales: { soldShare: 0.85 },
  },

  // Kaohsiung Harbour Hall
  {
    key: "oceans-in-peril",
    venue: "kaohsiung-harbour-hall",
    title: "Oceans in Peril: What the Coral Is Telling Us",
    performer: "Dr. Mei-Ling Chou",
    category: "TALK",
    status: "PUBLISHED",
    description:
      "Marine biologist Mei-Ling Chou has dived the reefs off Kenting and Green Island for twenty years. With underwater footage from her surveys she shows how warming seas are changing them, which reefs are recovering, and what the science says ordinary people can do. Followed by a Q&A.",
    day: -35,
    time: [19, 0],
    durationMinutes: 100,
    salesOpenDaysBefore: 40,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 48, percent: 100 },
    tiers: [
      ["Orchestra", 600],
      ["Mezzanine", 400],
    ],
    sales: { soldShare: 0.75, attendee: ["paid"] },
  },
  {
    key: "chips-and-island",
    venue: "kaohsiung-harbour-hall",
    title: "Chips and Island: The Future of Taiwan's Semiconductor Industry",
    performer: "Dr. Kevin Lo, Irene Wu and Prof. Chang Jen-Hao",
    category: "TALK",
    status: "PUBLISHED",
    description:
      "An engineer, an investor and an economist debate where the island's chip industry goes next: new fabs abroad, the talent shortage at home, and what advanced packaging means for the south. Moderated by Harbour Talks, with time for audience questions.",
    day: 12,
    time: [19, 0],
    durationMinutes: 120,
    salesOpenDaysBefore: 35,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 72, percent: 80 },
    tiers: [
      ["Orchestra", 800],
      ["Mezzanine", 500],
    ],
    sales: { soldShare: 0.6, attendee: ["cancelled"] },
  },
  {
    key: "harbour-lights-photography",
    venue: "kaohsiung-harbour-hall",
    title: "Harbour Lights: Photographs of Kaohsiung by Night",
    performer: "Curated by Wang Li-Hua",
    category: "EXHIBITION",
    status: "PUBLISHED",
    description:
      "Opening night of an exhibition of sixty photographs of the harbour after dark, from 1970s shipyards to the light rail. Curator Wang Li-Hua introduces the collection from the stage before the gallery opens, and several of the photographers are there to talk about their work.",
    day: -18,
    time: [18, 30],
    durationMinutes: 150,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 24, percent: 100 },
    tiers: [
      ["Guided Tour", 500],
      ["Opening Night", 300],
    ],
    sales: { soldShare: 0.5 },
  },
  {
    key: "table-tennis-open-finals",
    venue: "kaohsiung-harbour-hall",
    title: "Kaohsiung Table Tennis Open: Finals Night",
    performer: "Men's and women's singles finals",
    category: "SPORTS",
    status: "PUBLISHED",
    description:
      "The hall becomes a single-table arena for the finals of the Kaohsiung Open. The women's final starts at 18:00, the men's follows, and the medal ceremony closes the night. Seats close to the table sell first; the mezzanine has the best view of the whole rally.",
    day: 33,
    time: [18, 0],
    durationMinutes: 180,
    salesOpenDaysBefore: 40,
    maxSeatsPerOrder: 8,
    refund: { untilHours: 168, percent: 100 },
    tiers: [
      ["Courtside", 1800],
      ["Orchestra", 1200],
      ["Mezzanine", 700],
    ],
    sales: { soldShare: 0.3 },
  },
  {
    key: "founders-night-kaohsiung",
    venue: "kaohsiung-harbour-hall",
    title: "Startup Stories: Founders Night Kaohsiung",
    performer: "Five founders from the south",
    category: "TALK",
    status: "CANCELLED",
    description:
      "Five founders tell the story of the worst week of their company, in ten minutes each, followed by drinks in the foyer. This event has been cancelled because of a scheduling conflict; every ticket holder has been refunded in full.",
    day: 15,
    time: [19, 0],
    durationMinutes: 120,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 72, percent: 100 },
    tiers: [
      ["Orchestra", 500],
      ["Mezzanine", 300],
    ],
    sales: { soldShare: 0.4 },
    cancelledDay: -3,
  },
  {
    key: "climate-and-cities-forum",
    venue: "kaohsiung-harbour-hall",
    title: "Climate & Cities Forum: Living With Heat",
    performer: "Harbour Talks",
    category: "TALK",
    status: "DRAFT",
    description:
      "A day of talks and workshops on keeping southern cities liveable as summers get hotter: shade, water, building codes and the people most at risk. Speakers and the full programme will be announced soon.",
    day: 70,
    time: [9, 30],
    durationMinutes: 420,
    salesOpenDaysBefore: 45,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 168, percent: 100 },
    tiers: [
      ["Orchestra", 1200],
      ["Mezzanine", 800],
    ],
  },

  // Anping Warehouse Hall, Tainan
  {
    key: "street-food-of-tainan",
    venue: "tainan-anping-warehouse",
    title: "Street Food of Tainan: A Culinary History",
    performer: "Chef Tsai Ming-Yu and Dr. Anne Kuo",
    category: "TALK",
    status: "PUBLISHED",
    description:
      "Why is Tainan food sweet? Chef Tsai Ming-Yu and food historian Anne Kuo trace the city's dishes from Dutch-era sugar plantations to today's night markets, with tastings of milkfish congee, coffin bread and danzai noodles passed along the rows as they talk.",
    day: -5,
    time: [19, 0],
    durationMinutes: 90,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 24, percent: 100 },
    tiers: [
      ["Front", 700],
      ["Standard", 450],
    ],
    sales: { soldShare: 0.85, attendee: ["paid"] },
  },
  {
    key: "monkey-king-glove-puppets",
    venue: "tainan-anping-warehouse",
    title: "The Monkey King: A Glove Puppet Spectacular",
    performer: "Anping Glove Puppet Troupe",
    category: "THEATRE",
    status: "PUBLISHED",
    description:
      "Sun Wukong steals the peaches of immortality and takes on the armies of heaven in this family matinee of traditional glove puppetry, with live gongs and drums. After the show the puppeteers come out front to show how a single hand makes a puppet fight.",
    day: 8,
    time: [15, 0],
    durationMinutes: 90,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 10,
    refund: { untilHours: 48, percent: 100 },
    tiers: [
      ["Front", 800],
      ["Standard", 500],
    ],
    sales: { soldShare: 0.65 },
  },
  {
    key: "oolong-tea-masterclass",
    venue: "tainan-anping-warehouse",
    title: "Oolong Tea Masterclass",
    performer: "Tea master Hsu Chia-Ling",
    category: "WORKSHOP",
    status: "PUBLISHED",
    description:
      "Taste five oolongs from Alishan to Dong Ding and learn to brew each one gongfu style: water temperature, leaf quantity and the timing of every infusion. Each participant gets a tasting set and a small bag of the afternoon's favourite tea.",
    day: -75,
    time: [14, 0],
    durationMinutes: 150,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 48, percent: 90 },
    tiers: [
      ["Front", 1200],
      ["Standard", 900],
    ],
    sales: { soldShare: 0.7 },
  },
  {
    key: "colours-of-faith-temple-art",
    venue: "tainan-anping-warehouse",
    title: "Colours of Faith: Temple Art of Tainan",
    performer: "Anping Heritage Society",
    category: "EXHIBITION",
    status: "PUBLISHED",
    description:
      "Door gods, cut-porcelain roofs and painted beams from the city's oldest temples, shown with the restorers who keep them alive. The day opens with an illustrated introduction in the hall, then small guided groups tour the exhibition every hour.",
    day: 45,
    time: [10, 0],
    durationMinutes: 360,
    salesOpenDaysBefore: 60,
    maxSeatsPerOrder: 6,
    refund: { untilHours: 24, percent: 100 },
    tiers: [
      ["Guided Tour", 600],
      ["General", 350],
    ],
    sales: { soldShare: 0.15 },
  },
  {
    key: "night-market-quiz-night",
    venue: "tainan-anping-warehouse",
    title: "Tainan Night Market Quiz Night",
    performer: "Hosted by quizmaster Leo Chang",
    category: "OTHER",
    status: "PUBLISHED",
    description:
      "Six rounds on food, history, music and local gossip, with a picture round of famous night market stalls. Play alone or bring friends and sit together; the winning row takes home vouchers for the Anping night market. Snacks included.",
    day: 4,
    time: EVENING,
    durationMinutes: 150,
    salesOpenDaysBefore: 21,
    maxSeatsPerOrder: 6,
    refund: { untilHours: null, percent: 100 },
    tiers: [
      ["Front", 600],
      ["Standard", 400],
    ],
    sales: { soldShare: 0.5 },
  },
  // Zhongshan Live House: a standing floor and a seated balcony.
  {
    key: "lanterns-live-house-tour",
    venue: "zhongshan-live-house",
    title: "The Paper Lanterns: Live House Tour",
    performer: "The Paper Lanterns",
    category: "CONCERT",
    status: "PUBLISHED",
    description:
      "Taipei's loudest indie four-piece play the small rooms again. The Rock Zone in front of the stage is standing, entered by ticket number from 19:00; the balcony is seated. Expect the new single, the old favourites and a long, loud encore.",
    day: 27,
    time: EVENING,
    durationMinutes: 150,
    salesOpenDaysBefore: 40,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 72, percent: 90 },
    tiers: [
      ["Rock Zone", 2800],
      ["Balcony", 2200],
    ],
    tierBySection: { "Rock Zone": "Rock Zone", Balcony: "Balcony" },
    ticketTypes: [{ name: "Student", price: 1800, note: "Student ID checked at the door." }],
    sales: { soldShare: 0.45 },
  },
  // Songshan Creative Studio: no seats, 120 places.
  {
    key: "talk-typescript-in-production",
    venue: "songshan-studio",
    title: "Talk: TypeScript in Production at Scale",
    performer: "Lin Mei-Ling, staff engineer",
    category: "TALK",
    status: "PUBLISHED",
    description:
      "An evening talk on running a large TypeScript codebase: strict types in a million lines, build times that stay under a minute, and what the team would do differently. Questions and drinks after. No seat numbers: come early for the front.",
    day: 16,
    time: [19, 0],
    durationMinutes: 120,
    salesOpenDaysBefore: 30,
    maxSeatsPerOrder: 4,
    refund: { untilHours: 24, percent: 100 },
    tiers: [["General", 400]],
    ticketTypes: [
      { name: "Student", price: 250, note: "Bring your student ID to the door." },
      { name: "Early bird", price: 300, quota: 40, endsDaysBefore: 7 },
    ],
    discountCodes: [
      { code: "CAMPUS50", kind: "AMOUNT", value: 50, forTypes: ["Student"] },
      { code: "TSMEETUP", kind: "PERCENT", value: 10, maxUses: 30 },
    ],
    sales: { soldShare: 0.3 },
  },
];
