/**
 * Makes examples/photos/*.jpg: small real JPEGs from the emulator's slide renderer, so the example CSV
 * runs on a fresh clone without shipping anyone's product photos. `tsx scripts/batch/example-photos.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderSlideJpeg } from '../../emulator/sim/jpeg-slides';

const DIR = path.join(__dirname, '..', '..', 'examples', 'photos');
const PHOTOS = [
  { name: 'serum.jpg', text: 'SERUM', seed: 11 },
  { name: 'mug.jpg', text: 'MUG', seed: 22 },
  { name: 'sneaker.jpg', text: 'SNEAKER', seed: 33 },
];

fs.mkdirSync(DIR, { recursive: true });
for (const photo of PHOTOS) {
  const bytes = renderSlideJpeg(
    { width: 320, height: 320, seed: photo.seed, number: 1, count: 1, text: photo.text },
    80,
  );
  fs.writeFileSync(path.join(DIR, photo.name), bytes);
}
