/**
 * Every prompt the job sends, in one place and versioned: analysis.json records PROMPT_VERSION, so
 * outputs can be traced to the words that made them. Change the version with any change of wording.
 *
 * What the prompts are for: keep each slide's composition and style, put the real product from the
 * photo in, render the new text legibly and exactly, and add no other brand, logo or watermark.
 * Variations must differ: each text variation gets its own angle, each photo variation its own scene.
 *
 * Jenny's texts (description, captions) are folded onto one line before they go in, so a line in them
 * can never pose as one of the prompt's own labelled lines ("New text: ...").
 */
import type { Analysis, Copy, SlideAnalysis } from './schemas';

export const PROMPT_VERSION = 'slideshow-prompts/2026-11-22.1';

/** One angle per text variation, so two variations of a slideshow never read alike. */
export const TEXT_ANGLES = [
  'the everyday benefit: what gets easier or better with this product',
  'problem then solution: name a frustration the audience knows, then show the product fixing it',
  'honest first-person review: a tried-it tone with one concrete detail',
  'quick practical tips built around using the product',
  'before and after: the change the product makes',
  'myth versus fact about this kind of product',
  'who it is for: the person (or the gift) this product is perfect for',
  'three reasons: a countdown of the strongest reasons to get it',
  'a day in the life with the product',
  'value: why it is worth the money',
] as const;

/** One scene direction per photo variation; every slide of a variation shares it, so the set looks like one shoot. */
export const PHOTO_DIRECTIONS = [
  'stay closest to the original picture: same setting, same light',
  'move the scene to a different setting that suits the product, with the same layout',
  'change the camera angle and the time of day (different light), with the same layout',
  'a closer, more detailed framing of the product, with a softer background',
  'a brighter, airier look with a lighter colour palette',
  'a warmer, cosier look with golden light',
  'an outdoor setting with natural daylight',
  'a minimal studio look with a plain, colourful backdrop',
  'a lived-in, casual phone-photo look',
  'a bold, high-contrast look with deeper colours',
] as const;

export function oneLine(text: string, max = 2000): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function pick<T>(list: readonly T[], ordinal: number): T {
  return list[(Math.max(1, ordinal) - 1) % list.length] as T;
}

export function analysisPrompt(input: { slideCount: number; description: string; caption: string }): string {
  return [
    `These ${input.slideCount} images are the slides of a TikTok photo slideshow that performed well, in order: the first image is slide 0, the last is slide ${input.slideCount - 1}.`,
    'It will be remade for another product with the same structure and style, so describe each slide precisely enough to rebuild it.',
    `Product: ${oneLine(input.description)}`,
    input.caption ? `Original caption: ${oneLine(input.caption, 500)}` : 'Original caption: (none)',
    'For every slide, in order, give:',
    '- index: the slide number, from 0;',
    "- role: the slide's job in the story (hook, problem, product, proof, tip, call to action, other);",
    '- text: the words written on the slide, exactly as they appear (keep their language; an empty string if there are none);',
    '- layout: framing, main subject and where the text sits (top, centre, bottom; its size);',
    '- style: fonts and text effects, colours, lighting, photo style;',
    "- productPlacement: where and how the product above should appear in this slide's picture so it looks natural.",
    `Return exactly ${input.slideCount} slides, and a one- or two-sentence summary of what the slideshow is about and why it works.`,
  ].join('\n');
}

export function copyPrompt(input: {
  variation: number;
  variations: number;
  description: string;
  analysis: Analysis;
  caption: string;
}): string {
  const slides = input.analysis.slides.map((slide) => ({
    index: slide.index,
    role: slide.role,
    text: slide.text,
    layout: slide.layout,
  }));
  return [
    `Write text variation ${input.variation} of ${input.variations} for a TikTok photo slideshow, remade for the product below.`,
    `Product: ${oneLine(input.description)}`,
    `Angle for this variation: ${pick(TEXT_ANGLES, input.variation)}.`,
    `The ${input.variations} text variations of this slideshow must be clearly different from each other: a different hook, different wording and a different caption, each following its own angle.`,
    `Write one new text for each of the ${slides.length} slides, keeping each slide's role: the hook first, the call to action last.`,
    "Keep each text about as long as the original slide's text (short enough to read in two seconds), in the same language as the original.",
    'Only say what the product description supports; name no other brand; no emoji unless the original used them.',
    'Also write a new caption (without hashtags) and up to 6 hashtags (without the # sign).',
    input.caption ? `Original caption: ${oneLine(input.caption, 500)}` : 'Original caption: (none)',
    `The original slideshow: ${JSON.stringify({ slides })}`,
  ].join('\n');
}

export function imagePrompt(input: {
  slideIndex: number;
  slideCount: number;
  photoVariation: number;
  photoVariations: number;
  description: string;
  slide: SlideAnalysis;
  newText: string;
}): string {
  const { slide } = input;
  const others =
    input.photoVariations > 1
      ? ` It must look clearly different from the other ${input.photoVariations - 1} photo variation${input.photoVariations > 2 ? 's' : ''} of this slide.`
      : '';
  return [
    `Photo variation ${input.photoVariation} of ${input.photoVariations}: remake slide ${input.slideIndex + 1} of ${input.slideCount} of a TikTok photo slideshow for a new product.`,
    'The first image is the original slide. The second image is the photo of the product.',
    `Product: ${oneLine(input.description)}`,
    `Keep the original slide's composition: ${oneLine(slide.layout, 400)}.`,
    `Keep its style: ${oneLine(slide.style, 400)}.`,
    `Put the product from the product photo into the picture (${oneLine(slide.productPlacement, 300)}), looking exactly like it does in the photo: same shape, colours, label and packaging, at a natural size and lit like the scene.`,
    'Remove the original text, and every other product, brand name, logo, watermark, username and app interface.',
    `Scene for this photo variation: ${pick(PHOTO_DIRECTIONS, input.photoVariation)}.${others}`,
    "Write the following text on the slide, exactly as given and correctly spelled, large and easy to read, in the original text's position and style:",
    `New text: ${oneLine(input.newText, 300)}`,
    'Add nothing else: no other text, logo, watermark, border or frame.',
  ].join('\n');
}

/** The copy for one slide, or the original text when the copy has none for it. */
export function slideText(copy: Copy, analysis: Analysis, index: number): string {
  return (
    copy.slides.find((slide) => slide.index === index)?.text ??
    copy.slides[index]?.text ??
    analysis.slides[index]?.text ??
    ''
  );
}
