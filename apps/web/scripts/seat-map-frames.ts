// Measures the buyer's seat map in Chromium on a 50,000-seat stadium and on the demo's 5,248-seat
// arena: first paint of the map, frame times while zooming and panning, click → "selected" paint,
// and a live status update of 500 seats. Prints a table; asserts nothing.
//
//   pnpm --filter @openticket/web build
//   cd apps/web && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx scripts/seat-map-frames.ts [--keep]
//
// It creates its own database on DATABASE_URL's server (migrated, demo data, plus the stadium),
// starts `next start` on it, and drops the database at the end (unless --keep).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createDb, type Db } from "@openticket/db";
import { migrate } from "@openticket/db/migrate";
import { seedDemoData } from "@openticket/db/seed";
import getPort from "get-port";
import type { Page } from "playwright-core";
import { launchBrowser, screenshot } from "../e2e/browser";

const appDir = fileURLToPath(new URL("..", import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const keep = process.argv.includes("--keep");

/** 5 × 5 sections of 40 rows × 50 seats, 10 units apart, with 80-unit aisles: 50,000 seats. */
const STADIUM_SQL = `
WITH venue AS (
  INSERT INTO venues (id, owner_id, name, city, address, updated_at)
  SELECT gen_random_uuid(), id, 'Frames Stadium', 'Taipei', '1 Stadium Road', now()
  FROM users WHERE username = 'organizer' RETURNING id, owner_id
), sections AS (
  INSERT INTO sections (id, venue_id, name, ordering)
  SELECT gen_random_uuid(), venue.id, 'Block ' || chr(65 + s / 5) || (s % 5 + 1), s
  FROM venue, generate_series(0, 24) s RETURNING id, ordering
), seats AS (
  INSERT INTO seats (id, venue_id, section_id, row_label, number, label, x, y)
  SELECT gen_random_uuid(), venue.id, sections.id, 'R' || (r + 1), n + 1,
         'R' || (r + 1) || '-' || (n + 1),
         (sections.ordering % 5) * 580 + n * 10, 120 + (sections.ordering / 5) * 480 + r * 10
  FROM venue, sections, generate_series(0, 39) r, generate_series(0, 49) n RETURNING id, section_id
), event AS (
  INSERT INTO events (id, organizer_id, venue_id, title, category, city, status, starts_at,
                      ends_at, max_seats_per_order, updated_at)
  SELECT gen_random_uuid(), owner_id, id, 'Frames Stadium Night', 'CONCERT', 'Taipei', 'PUBLISHED',
         now() + interval '30 days', now() + interval '30 days 3 hours', 6, now()
  FROM venue RETURNING id
), tiers AS (
  INSERT INTO price_tiers (id, event_id, name, price, ordering)
  SELECT gen_random_uuid(), event.id, t.name, t.price, t.ordering
  FROM event, (VALUES ('Floor', 4800, 0), ('Lower', 3200, 1), ('Upper', 1800, 2))
       AS t(name, price, ordering) RETURNING id, ordering
)
INSERT INTO event_seats (id, event_id, seat_id, tier_id, status)
SELECT gen_random_uuid(), event.id, seats.id, tiers.id,
       CASE WHEN random() < 0.3 THEN 'SOLD' ELSE 'AVAILABLE' END::"EventSeatStatus"
FROM event, seats JOIN sections ON sections.id = seats.section_id
JOIN tiers ON tiers.ordering = LEAST(2, sections.ordering / 10)
RETURNING event_id`;

type Figures = Record<string, string>;

const COLOUR_BLINDNESS = {
  deuteranopia: "0.367 0.861 -0.228 0 0  0.280 0.673 0.047 0 0  -0.012 0.043 0.969 0 0  0 0 0 1 0",
  protanopia: "0.152 1.053 -0.205 0 0  0.115 0.786 0.099 0 0  -0.004 -0.048 1.052 0 0  0 0 0 1 0",
};

async function main() {
  const name = `openticket_frames_${randomBytes(4).toString("hex")}`;
  const admin = createDb(serverUrl);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let server: ChildProcess | undefined;
  try {
    await migrate(databaseUrl);
    const db = createDb(databaseUrl);
    await seedDemoData(db);
    const stadium = (await db.$queryRawUnsafe<{ event_id: string }[]>(STADIUM_SQL))[0]?.event_id;
    const arena = (
      await db.$queryRawUnsafe<{ id: string }[]>(`
        SELECT e.id FROM events e JOIN venues v ON v.id = e.venue_id
        WHERE v.name = 'Taipei Arena' AND e.status = 'PUBLISHED' AND e.starts_at > now()
        ORDER BY (SELECT count(*) FROM event_seats es
                  WHERE es.event_id = e.id AND es.status = 'AVAILABLE') DESC LIMIT 1`)
    )[0]?.id;
    if (!stadium || !arena) throw new Error("no stadium or arena event");
    await db.$executeRawUnsafe("VACUUM (ANALYZE)");

    const port = await getPort({ host: "127.0.0.1" });
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(
      `${appDir}/node_modules/.bin/next`,
      ["start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        cwd: appDir,
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: databaseUrl,
          NEXTAUTH_SECRET: "frames-secret-that-is-long-enough-123",
          NEXTAUTH_URL: baseUrl,
          NEXT_TELEMETRY_DISABLED: "1",
          HOLD_SWEEP_INTERVAL_SECONDS: "0",
        },
        stdio: "ignore",
      },
    );
    await waitForHttp(`${baseUrl}/api/auth/csrf`);

    const browser = await launchBrowser();
    const rows: [string, Figures][] = [];
    const desktop = { width: 1280, height: 900 };
    const phone = { width: 390, height: 844 };
    for (const [label, eventId, viewport, locale] of [
      ["arena 5,248, desktop", arena, desktop, "en-US"],
      ["arena 5,248, phone, zh-TW", arena, phone, "zh-TW"],
      ["stadium 50,000, desktop", stadium, desktop, "en-US"],
      ["stadium 50,000, phone", stadium, phone, "en-US"],
    ] as const) {
      const page = await browser.newPage({ baseURL: baseUrl, viewport, locale });
      const shots = `frames-${label.replace(/[^a-zA-Z0-9]+/g, "-")}`;
      rows.push([label, await measure(page, db, eventId, shots)]);
      await page.close();
    }
    await browser.close();
    await db.$disconnect();

    const columns = [...new Set(rows.flatMap(([, figures]) => Object.keys(figures)))];
    console.log(`| map | ${columns.join(" | ")} |`);
    console.log(`| --- | ${columns.map(() => "---").join(" | ")} |`);
    for (const [label, figures] of rows) {
      console.log(`| ${label} | ${columns.map((column) => figures[column] ?? "–").join(" | ")} |`);
    }
  } finally {
    server?.kill("SIGKILL");
    if (!keep) await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`kept database ${name}`);
    await admin.$disconnect();
  }
}

async function measure(page: Page, db: Db, eventId: string, shots: string): Promise<Figures> {
  const figures: Figures = {};
  // tsx names inner functions with a helper the page does not have.
  await page.addInitScript({ content: "window.__name = (f) => f;" });
  await page.goto(`/events/${eventId}/seats`);
  await page.getByTestId("live-indicator").waitFor({ timeout: 60_000 });
  figures["first paint of the map (ms)"] = String(
    Math.round(
      await page.evaluate(async () => {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return performance.now();
      }),
    ),
  );
  await screenshot(page, `${shots}-1-opened`);
  const map = page.getByTestId("seat-map");
  const box = await map.boundingBox();
  if (!box) throw new Error("no map");
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  figures["overview zoom+pan frames p50/p95/max (ms)"] = await frames(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
    await drag(page, centre, 12);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 120);
  });

  // A big venue opens on its sections: go into the first one as a buyer would.
  await page.getByRole("button", { name: /^(Reset view|重設檢視)$/ }).click();
  const section = page.locator("[data-section-index]").first();
  if (await section.count()) {
    const started = Date.now();
    await section.click();
    await page.locator("[data-seat-id][data-status=AVAILABLE]").first().waitFor();
    figures["section → seats shown (ms)"] = String(Date.now() - started);
  }
  await screenshot(page, `${shots}-2-section`);
  figures["seats in the DOM"] = String(await page.locator("[data-seat-id]").count());
  figures["seat-level zoom+pan frames p50/p95/max (ms)"] = await frames(page, async () => {
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -120);
    await drag(page, centre, 12);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 120);
  });

  // Click → painted as selected: measured in the page, from the pointer going down.
  // The free seat drawn nearest the middle of the map (others may be scrolled out of it).
  const target = await page.evaluate(() => {
    const map = document.querySelector("[data-testid=seat-map]")?.getBoundingClientRect();
    if (!map) return null;
    const mid = { x: map.left + map.width / 2, y: map.top + map.height / 2 };
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const mark of document.querySelectorAll("[data-seat-id][data-status=AVAILABLE]")) {
      const r = mark.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const d = Math.hypot(x - mid.x, y - mid.y);
      if (!best || d < best.d) best = { id: mark.getAttribute("data-seat-id") ?? "", x, y, d };
    }
    return best;
  });
  if (!target) throw new Error("no free seat drawn");
  const seatId = target.id;
  await page.evaluate((id) => {
    const w = window as unknown as { clickAt?: number };
    document.addEventListener("pointerdown", () => {
      w.clickAt = performance.now();
    });
    (window as unknown as { selectedPaint: Promise<number> }).selectedPaint = new Promise(
      (done) => {
        const check = () => {
          const element = document.querySelector(`[data-seat-id="${id}"]`);
          if (element?.getAttribute("data-status") === "SELECTED") {
            requestAnimationFrame(() => done(performance.now() - (w.clickAt ?? 0)));
          } else requestAnimationFrame(check);
        };
        check();
      },
    );
  }, seatId);
  await page.mouse.click(target.x, target.y);
  figures["click → selected painted (ms)"] = String(
    Math.round(
      await page.evaluate(() => (window as unknown as { selectedPaint: number }).selectedPaint),
    ),
  );

  // 500 seats sold at once, announced on the live feed as the app does (40 per NOTIFY).
  const shown = await page
    .locator("[data-seat-id][data-status=AVAILABLE]")
    .evaluateAll((elements) => elements.slice(0, 500).map((e) => e.getAttribute("data-seat-id")));
  const ids = shown.filter((id): id is string => id !== null && id !== seatId);
  const last = ids.at(-1);
  await page.evaluate((id) => {
    const w = window as unknown as { statusPaint: Promise<number>; deltas: number[] };
    w.statusPaint = new Promise((done) => {
      const check = () => {
        const element = document.querySelector(`[data-seat-id="${id}"]`);
        if (element?.getAttribute("data-status") === "SOLD") {
          requestAnimationFrame(() => done(Date.now()));
        } else requestAnimationFrame(check);
      };
      check();
    });
  }, last);
  const longest = await frames(page, async () => {
    const notifications = [];
    for (let start = 0; start < ids.length; start += 40) {
      const changes = ids.slice(start, start + 40).map((id) => ({ seatId: id, status: "SOLD" }));
      const payload = JSON.stringify({ eventId, changes });
      notifications.push(db.$executeRaw`SELECT pg_notify('seat_changes', ${payload})`);
    }
    await db.$transaction([
      db.$executeRaw`UPDATE event_seats SET status = 'SOLD' WHERE id = ANY(${ids}::uuid[])`,
      ...notifications,
    ]);
    const committed = Date.now();
    const painted = await page.evaluate(
      () => (window as unknown as { statusPaint: number }).statusPaint,
    );
    figures[`${ids.length} seats sold → painted (ms)`] = String(painted - committed);
  });
  figures["frames during the update p50/p95/max (ms)"] = longest;
  await screenshot(page, `${shots}-3-selected-and-sold`);
  // The same as a deuteranope and a protanope would see it (Machado et al. 2009, severity 1).
  for (const [name, matrix] of Object.entries(COLOUR_BLINDNESS)) {
    await page.evaluate(
      ([name, matrix]) => {
        document.getElementById("cvd")?.remove();
        document.body.insertAdjacentHTML(
          "beforeend",
          `<svg id="cvd" width="0" height="0"><filter id="cvd-${name}"><feColorMatrix type="matrix" values="${matrix}"/></filter></svg>`,
        );
        document.documentElement.style.filter = `url(#cvd-${name})`;
      },
      [name, matrix],
    );
    await screenshot(page, `${shots}-4-${name}`);
  }
  return figures;
}

/** Frame-to-frame times (requestAnimationFrame deltas) while `action` runs: "p50 / p95 / max". */
async function frames(page: Page, action: () => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as { deltas: number[]; recording: boolean };
    w.deltas = [];
    w.recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.deltas.push(now - last);
      last = now;
      if (w.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  await page.waitForTimeout(300);
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { deltas: number[]; recording: boolean };
    w.recording = false;
    return w.deltas.slice(1);
  });
  deltas.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))] ?? 0);
  return `${at(0.5)} / ${at(0.95)} / ${Math.round(deltas.at(-1) ?? 0)}`;
}

async function drag(page: Page, from: { x: number; y: number }, steps: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x - i * 15, from.y - i * 8);
  await page.mouse.up();
}

async function waitForHttp(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

await main();
