// Draws the app icons (a white ring with a clay dot on sage) into public/icons/ as PNGs:
// `npx tsx scripts/make-icons.ts`. Committed output; re-run only to change the design.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

const SAGE = [79, 122, 100];
const WHITE = [255, 255, 255];
const CLAY = [194, 128, 90];
const out = path.resolve(process.cwd(), "public/icons");

/** Colour of point (x, y) in a unit square, or null for transparent. */
function paint(x: number, y: number, maskable: boolean): number[] | null {
  // Maskable icons fill the square (the platform crops); others are a rounded square.
  const r = 0.22;
  if (!maskable) {
    const dx = Math.max(r - x, 0, x - (1 - r));
    const dy = Math.max(r - y, 0, y - (1 - r));
    if (dx * dx + dy * dy > r * r) return null;
  }
  // Keep the mark inside the maskable safe zone (a centred circle of 80% diameter).
  const scale = maskable ? 0.8 : 1;
  const cx = (x - 0.5) / scale;
  const cy = (y - 0.5) / scale;
  const d = Math.hypot(cx, cy);
  if (Math.hypot(cx - 0.2, cy + 0.2) < 0.075) return CLAY;
  if (d > 0.2 && d < 0.3) return WHITE;
  return SAGE;
}

function icon(size: number, maskable: boolean): Buffer {
  const png = new PNG({ width: size, height: size });
  const S = 4; // 4×4 supersampling for smooth edges
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc: [number, number, number, number] = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = paint((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, maskable);
          if (!c) continue;
          acc[0] += c[0]!;
          acc[1] += c[1]!;
          acc[2] += c[2]!;
          acc[3]++;
        }
      const i = (py * size + px) * 4;
      const n = acc[3];
      png.data[i] = n ? Math.round(acc[0] / n) : 0;
      png.data[i + 1] = n ? Math.round(acc[1] / n) : 0;
      png.data[i + 2] = n ? Math.round(acc[2] / n) : 0;
      png.data[i + 3] = Math.round((n / (S * S)) * 255);
    }
  return PNG.sync.write(png);
}

mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
  ["apple-touch-icon.png", 180, true],
] as const) {
  writeFileSync(path.join(out, name), icon(size, maskable));
  process.stdout.write(`public/icons/${name}\n`);
}
