/* global Buffer */
// Draws the add-in's icons (assets/icon-16/32/64/80.png): a white hexagonal crystal ring on a teal
// rounded square, anti-aliased by 4x4 supersampling, written as PNG with zlib. Run once:
// `node scripts/make-icons.js` (the PNGs are committed; the manifest points at them).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Inside a regular hexagon (pointy top) of circumradius r centred at 0,0. */
function inHexagon(x, y, r) {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const h = (r * Math.sqrt(3)) / 2;
  return ax <= h && ay <= r - ax / Math.sqrt(3);
}
function inRoundedSquare(x, y, half, radius) {
  const dx = Math.max(Math.abs(x) - (half - radius), 0);
  const dy = Math.max(Math.abs(y) - (half - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

const TEAL = [15, 110, 116];
const WHITE = [255, 255, 255];

function sample(u, v) {
  // u, v in [-1, 1]
  if (!inRoundedSquare(u, v, 1, 0.28)) return null;
  const ring = inHexagon(u, v, 0.72) && !inHexagon(u, v, 0.46);
  const core = inHexagon(u, v, 0.22);
  return ring || core ? WHITE : TEAL;
}

function icon(size) {
  const S = 4;
  return png(size, (x, y) => {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < S; sy++) {
      for (let sx = 0; sx < S; sx++) {
        const u = ((x + (sx + 0.5) / S) / size) * 2 - 1;
        const v = ((y + (sy + 0.5) / S) / size) * 2 - 1;
        const c = sample(u, v);
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
    }
    if (a === 0) return [0, 0, 0, 0];
    return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / (S * S)) * 255)];
  });
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
  console.log(`assets/icon-${size}.png`);
}
