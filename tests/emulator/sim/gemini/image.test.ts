import {
  imageGenerationConfig,
  imagePart,
  textPart,
  type ImageInput,
} from '../../../../src/server/gemini/content';
import { nearestAspectRatio, readImage, type AspectRatio } from '../../../../src/server/gemini/images';
import { generateContent } from '../../../../src/server/gemini/request';
import { DEFAULT_SIM_KEY } from '../../../../emulator/sim/gemini';
import { decodePng, largestPatch, newSim, NOW, send, shareNear, solidJpeg, solidPng } from './helpers';

const TEAL: [number, number, number] = [0, 128, 128];
const MAGENTA: [number, number, number] = [255, 0, 255];
const slide = solidPng(540, 960, TEAL, [250, 250, 250]);
const product = solidPng(300, 300, MAGENTA);

function imageRequest(options: {
  aspectRatio?: AspectRatio;
  variation?: number;
  images?: ImageInput[];
  model?: string;
  includeThoughts?: boolean;
}) {
  const images = options.images ?? [
    { mimeType: 'image/png', base64: slide },
    { mimeType: 'image/png', base64: product },
  ];
  return generateContent(DEFAULT_SIM_KEY, options.model ?? 'gemini-2.5-flash-image', {
    contents: [
      {
        role: 'user',
        parts: [
          textPart(
            `Remake this TikTok slide for variation ${options.variation ?? 1}. Keep the layout, put the product from the second image in it.\nNew text: "Glow all day with Dew Serum"`,
          ),
          ...images.map(imagePart),
        ],
      },
    ],
    generationConfig: {
      ...imageGenerationConfig(options.aspectRatio ?? '9:16'),
      ...(options.includeThoughts ? { thinkingConfig: { includeThoughts: true } } : {}),
    },
  });
}

function readPng(result: ReturnType<typeof send>) {
  const read = readImage(result, NOW);
  if (read.kind !== 'ok') throw new Error(`expected an image, got ${read.kind}: ${read.message}`);
  expect(read.image.mimeType).toBe('image/png');
  return decodePng(read.image.base64);
}

describe('simulated image generation', () => {
  it('returns a real PNG of the requested aspect ratio that the client reads', () => {
    const png = readPng(send(newSim(), imageRequest({ aspectRatio: '9:16' })));
    expect([png.width, png.height]).toEqual([576, 1024]);
    expect(nearestAspectRatio(png.width, png.height)).toBe('9:16');
  });

  it.each<AspectRatio>(['1:1', '4:5', '3:4', '16:9', '21:9', '2:3'])('honours aspect ratio %s', (ratio) => {
    const png = readPng(send(newSim(), imageRequest({ aspectRatio: ratio })));
    expect(nearestAspectRatio(png.width, png.height)).toBe(ratio);
    expect(Math.max(png.width, png.height)).toBe(1024);
  });

  it('pastes the product photo, untinted, in a visible box', () => {
    const png = readPng(send(newSim(), imageRequest({})));
    // The product is 300×300 of pure magenta; it lands in a box about 200–300 px wide.
    expect(largestPatch(png, MAGENTA, 6)).toBeGreaterThanOrEqual(180);
  });

  it('uses the original slide as the background (tinted, still recognisably teal)', () => {
    const png = readPng(send(newSim(), imageRequest({})));
    // Teal under a 22% tint moves each channel by at most ~0.22 × 255.
    expect(shareNear(png, TEAL, 60)).toBeGreaterThan(0.3);
  });

  it('draws the new slide text in a dark band with white letters', () => {
    const png = readPng(send(newSim(), imageRequest({})));
    const white = shareNear(png, [255, 255, 255], 10);
    expect(white).toBeGreaterThan(0.005);
  });

  it('reads JPEG inputs too', () => {
    const images = [
      { mimeType: 'image/jpeg', base64: solidJpeg(720, 1280, TEAL) },
      { mimeType: 'image/jpeg', base64: solidJpeg(400, 400, MAGENTA) },
    ];
    const png = readPng(send(newSim(), imageRequest({ images })));
    expect(largestPatch(png, MAGENTA, 24)).toBeGreaterThanOrEqual(150);
  });

  it('gives different variations visibly different images, and the same request the same image', () => {
    const sim = newSim();
    const one = readPng(send(sim, imageRequest({ variation: 1 })));
    const two = readPng(send(sim, imageRequest({ variation: 2 })));
    const again = readPng(send(sim, imageRequest({ variation: 1 })));
    expect(Buffer.compare(one.data, again.data)).toBe(0);
    let differing = 0;
    for (let i = 0; i < one.data.length; i += 4)
      if (one.data[i] !== two.data[i] || one.data[i + 1] !== two.data[i + 1]) differing++;
    expect(differing / (one.data.length / 4)).toBeGreaterThan(0.2);
  });

  it('shows thought parts to a thinking model that is asked, and the client skips them', () => {
    const result = send(
      newSim(),
      imageRequest({ model: 'gemini-3-pro-image-preview', includeThoughts: true }),
    );
    const parts = JSON.parse(result.body).candidates[0].content.parts as { thought?: boolean }[];
    expect(parts.filter((part) => part.thought).length).toBe(2);
    const png = readPng(result);
    expect([png.width, png.height]).toEqual([576, 1024]);
  });

  it('renders in tens of milliseconds', () => {
    const sim = newSim();
    send(sim, imageRequest({ variation: 1 }));
    const started = performance.now();
    for (let v = 2; v < 12; v++) send(sim, imageRequest({ variation: v }));
    expect((performance.now() - started) / 10).toBeLessThan(150);
  });

  it('refuses a corrupt image like Gemini, which the client reads as a rejected row', () => {
    const images = [
      { mimeType: 'image/png', base64: Buffer.from('\x89PNG\r\n\x1a\nnot really a png').toString('base64') },
    ];
    const read = readImage(send(newSim(), imageRequest({ images })), NOW);
    expect(read).toMatchObject({ kind: 'rejected', httpStatus: 400 });
  });

  it('refuses an image answer from a text model', () => {
    const read = readImage(send(newSim(), imageRequest({ model: 'gemini-2.5-flash' })), NOW);
    expect(read).toMatchObject({ kind: 'rejected', httpStatus: 400 });
  });

  it('counts image calls and bytes', () => {
    const sim = newSim();
    send(sim, imageRequest({}));
    send(sim, imageRequest({ variation: 3 }));
    expect(sim.stats.calls.image).toBe(2);
    expect(sim.stats.imagesRendered).toBe(2);
    expect(sim.stats.byModel['gemini-2.5-flash-image']).toBe(2);
    expect(sim.stats.bytesIn).toBeGreaterThan(2 * product.length * 0.7);
    expect(sim.stats.bytesOut).toBeGreaterThan(10_000);
  });
});
