import { decode } from 'jpeg-js';

import { renderSlideJpeg, type SlideArt } from '../../../emulator/sim/jpeg-slides';

const art: SlideArt = { width: 200, height: 356, seed: 42, number: 2, count: 7, text: 'tip 1: cable tray' };

describe('renderSlideJpeg', () => {
  test('makes a baseline JPEG that decodes to the asked size', () => {
    const bytes = renderSlideJpeg(art);
    expect([bytes[0], bytes[1], bytes[bytes.length - 2], bytes[bytes.length - 1]]).toEqual([
      0xff, 0xd8, 0xff, 0xd9,
    ]);
    const image = decode(bytes, { useTArray: true });
    expect([image.width, image.height]).toEqual([200, 356]);
  });

  test('the same art gives the same bytes, even after other slides were encoded in between', () => {
    const first = renderSlideJpeg(art);
    renderSlideJpeg({ ...art, seed: 7, width: 120, height: 160, text: 'something else entirely' });
    expect(renderSlideJpeg(art)).toEqual(first);
  });

  test('the slide number and text are drawn: changing either changes the picture', () => {
    const pixels = (a: SlideArt) => Buffer.from(decode(renderSlideJpeg(a), { useTArray: true }).data);
    const base = pixels(art);
    expect(pixels({ ...art, number: 3 }).equals(base)).toBe(false);
    expect(pixels({ ...art, text: 'tip 2: one plant' }).equals(base)).toBe(false);
  });

  test('the text band is light and the lettering dark, so a person can read it', () => {
    const image = decode(renderSlideJpeg({ ...art, text: '' }), { useTArray: true });
    const brightness = (x: number, y: number) => {
      const i = (y * image.width + x) * 4;
      return ((image.data[i] ?? 0) + (image.data[i + 1] ?? 0) + (image.data[i + 2] ?? 0)) / 3;
    };
    // The band is centred at 55% of the height; with no text it is uniformly light.
    expect(brightness(5, Math.round(356 * 0.55))).toBeGreaterThan(230);
  });
});
