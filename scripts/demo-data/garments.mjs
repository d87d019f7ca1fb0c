// Simple SVG illustrations of the demo store's garments: the product images
// (demo/img/, committed) and the shoppers' "photos" attached to demo reviews
// (written to var/demo-photos/ when the demo is seeded). No real photos exist
// for the demo's products, so every image is drawn here, deterministically.
import { seededRandom } from '../lib/random.mjs';

/** The outline of each garment on a 400×500 canvas. */
const SHAPES = {
  dress:
    'M160 60 L240 60 L250 100 L285 120 L270 170 L255 165 L262 230 L330 440 L70 440 L138 230 L145 165 L130 170 L115 120 L150 100 Z',
  tee: 'M150 80 L250 80 Q270 90 280 100 L345 150 L315 200 L280 180 L280 420 L120 420 L120 180 L85 200 L55 150 L120 100 Q130 90 150 80 Z',
  blouse:
    'M160 70 L200 110 L240 70 L300 100 L340 260 L305 270 L285 170 L285 420 L115 420 L115 170 L95 270 L60 260 L100 100 Z',
  cardigan:
    'M150 70 L200 160 L250 70 L310 95 L350 400 L305 410 L285 200 L290 440 L110 440 L115 200 L95 410 L50 400 L90 95 Z',
  box: 'M80 170 L200 120 L320 170 L320 380 L200 430 L80 380 Z',
};

/** Details drawn over the shape (seams, buttons, ribbon), in a darker tone. */
const DETAILS = {
  dress: '<path d="M150 100 L200 190 L250 100" fill="none" stroke-width="6"/><path d="M138 230 L262 230" stroke-width="8"/>',
  tee: '<path d="M165 82 Q200 115 235 82" fill="none" stroke-width="6"/>',
  blouse:
    '<path d="M200 110 L200 420" stroke-width="4"/><circle cx="212" cy="160" r="6"/><circle cx="212" cy="220" r="6"/><circle cx="212" cy="280" r="6"/><circle cx="212" cy="340" r="6"/>',
  cardigan:
    '<path d="M200 160 L200 440" stroke-width="5"/><circle cx="188" cy="220" r="7"/><circle cx="188" cy="290" r="7"/><circle cx="188" cy="360" r="7"/><path d="M110 420 L290 420" stroke-width="10"/>',
  box: '<path d="M80 170 L200 220 L320 170 M200 220 L200 430" fill="none" stroke-width="5"/><path d="M140 145 L260 195" stroke-width="14"/>',
};

/**
 * @param {{ kind: keyof SHAPES, fabric: string, shade: string, backdrop: string, seed?: number, label?: string }} options
 * fabric/shade/backdrop are CSS colours; seed varies the angle and the scattered props,
 * so review "photos" of the same product are not identical.
 */
export function garmentSvg({ kind, fabric, shade, backdrop, seed = 0, label = '' }) {
  if (!SHAPES[kind]) throw new Error(`garmentSvg: unknown kind ${kind}`);
  const next = seededRandom(seed);  // same seed, same picture
  const tilt = seed === 0 ? 0 : Math.round((next() - 0.5) * 16);
  const props = [];
  // A few soft round shapes (a plant pot, a stone, light spots) make the
  // review photos look taken in a room rather than drawn for a catalogue.
  for (let i = 0; seed !== 0 && i < 3; i += 1) {
    const x = Math.round(next() * 400);
    const y = Math.round(380 + next() * 120);
    const r = Math.round(20 + next() * 50);
    props.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${shade}" opacity="0.12"/>`);
  }
  const caption = label
    ? `<text x="200" y="485" text-anchor="middle" font-family="Georgia, serif" font-size="20" fill="${shade}">${escapeXml(label)}</text>`
    : '';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 500" width="400" height="500">',
    `<rect width="400" height="500" fill="${backdrop}"/>`,
    `<ellipse cx="200" cy="455" rx="150" ry="18" fill="${shade}" opacity="0.18"/>`,
    ...props,
    `<g transform="rotate(${tilt} 200 250)">`,
    `<path d="${SHAPES[kind]}" fill="${fabric}" stroke="${shade}" stroke-width="3" stroke-linejoin="round"/>`,
    `<g fill="${shade}" stroke="${shade}">${DETAILS[kind]}</g>`,
    '</g>',
    caption,
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text) {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
}
