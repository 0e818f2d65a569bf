// How long an event cover upload spends in processCover (header check, then every AVIF and
// WebP width), for a phone photo and a small picture, and how big the files come out. Prints
// figures; asserts nothing. `pnpm --filter @openticket/api bench:cover`
import sharp from "sharp";
import { processCover } from "../src/services/event-cover/cover-image.ts";

const RUNS = 3;

async function photo(width: number, height: number) {
  // Noise rather than a flat colour, so the encoders have real work to do.
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

for (const [width, height] of [
  [4000, 3000],
  [1280, 720],
] as const) {
  const image = await photo(width, height);
  const times: number[] = [];
  let files: { width: number; format: string; bytes: Uint8Array }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    files = (await processCover(image)).files;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const sizes = files.map(
    (file) => `${file.format} ${file.width}: ${Math.round(file.bytes.byteLength / 1024)} KB`,
  );
  console.log(
    `${width} × ${height} JPEG (${Math.round(image.byteLength / 1024)} KB): median ${Math.round(times[1] ?? 0)} ms of ${RUNS}; ${sizes.join(", ")}`,
  );
}
