// Writes the demo store's product images (demo/img/<product>.svg, committed)
// from scripts/demo-data/garments.mjs. Review photos are written by the seed
// (scripts/seed-demo.mjs) into var/demo-photos/ with the same drawing code.
//
//   node scripts/gen-demo-images.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/run.mjs';
import { garmentSvg } from './demo-data/garments.mjs';
import { products } from './demo-data/products.mjs';

export function writeProductImages(dir = join(root, 'demo', 'img')) {
  mkdirSync(dir, { recursive: true });
  for (const product of products) {
    writeFileSync(join(dir, `${product.id}.svg`), garmentSvg({ kind: product.kind, ...product.colors }));
  }
  return products.length;
}

/** Photo i of a review of `product`: a different angle and room each time. */
export function reviewPhotoSvg(product, seed) {
  return garmentSvg({ kind: product.kind, ...product.colors, backdrop: seed % 2 ? '#e4e1da' : '#dfe6ea', seed });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writeProductImages()} product images to demo/img/`);
}
