// Draws Vigie's icons (an eye in a round badge) as PNG with zlib only, so that icons are reproducible from
// source without an image toolchain. Run: node scripts/make-icons.mjs (writes resources/*.png).
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

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
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
function eye(badge, size) {
  const [br, bg, bb] = hex(badge);
  const aa = 1.5 / size; // anti-aliasing width in unit coordinates
  const cover = (d) => Math.max(0, Math.min(1, 0.5 - d / aa));
  return png(size, (x, y) => {
    const dx = x - 0.5, dy = y - 0.5;
    const r = Math.hypot(dx, dy);
    const badgeA = cover(r - 0.47);
    if (badgeA <= 0) return [0, 0, 0, 0];
    // Almond eye: intersection of two circles; iris and pupil inside.
    const upper = Math.hypot(dx, dy - 0.22) - 0.38;
    const lower = Math.hypot(dx, dy + 0.22) - 0.38;
    const eyeA = cover(Math.max(upper, lower));
    const irisA = cover(r - 0.13);
    const pupilA = cover(r - 0.06);
    let c = [br, bg, bb];
    const mix = (to, a) => (c = c.map((v, i) => Math.round(v * (1 - a) + to[i] * a)));
    mix([255, 255, 255], eyeA);
    mix([br * 0.6, bg * 0.6, bb * 0.6], irisA * eyeA);
    mix([20, 24, 32], pupilA * eyeA);
    return [...c, Math.round(badgeA * 255)];
  });
}
mkdirSync('resources', { recursive: true });
writeFileSync('resources/icon.png', eye('#1c7ed6', 256));
const states = { ok: '#2f9e44', warning: '#f08c00', critical: '#e03131', unknown: '#868e96' };
for (const [state, colour] of Object.entries(states)) {
  writeFileSync(`resources/tray-${state}.png`, eye(colour, 32));
  writeFileSync(`resources/tray-${state}@2x.png`, eye(colour, 64));
}
console.log('icons written to resources/');
