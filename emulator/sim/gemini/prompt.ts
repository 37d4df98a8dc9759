/**
 * What the simulated model "understands" of a prompt: the product's words, the variation asked for, the
 * slide text to draw, and how many slides are being discussed. Heuristics, documented so prompt writers
 * know what the simulator picks up:
 * - product words: the rest of a line starting `Product:` / `Product description:`, else all content words;
 * - variation: `variation 2`, `variation #2`;
 * - slide text to draw: a line starting `New text:` / `Slide text:` / `Text:` / `Headline:`, else the
 *   first quoted passage;
 * - slide count: the length of a JSON array under a key containing "slide", else distinct `slide N` numbers.
 */
import { hashString } from './random';

export interface PromptFacts {
  productWords: string[];
  /** One or two product words in Title Case: "Glow Serum". */
  productName: string;
  variation?: number;
  headline?: string;
  /** 0 when the prompt does not say. */
  slideCount: number;
  /** Hash of the prompt without its variation number: variations share it, so their offsets make them differ. */
  baseHash: number;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if then than of to in on at by for with from into onto over under about as is are was were be been ' +
    "being this that these those it its it's you your yours we our us they their them he she his her i me my mine not no yes " +
    'do does did done can could should would will shall may might must have has had just only also very more most much many ' +
    'each every all any some such so too up down out off here there when where which who whom whose what why how per via ' +
    'slide slides image images photo photos picture pictures json return write make made new text caption product description ' +
    'variation variations tiktok post posts original remake remade keep same style layout structure schema output answer ' +
    'please using use used one two three four five six seven eight nine ten following given below above based describe each'
  ).split(/\s+/),
);

function words(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const match of text.matchAll(/[A-Za-z][A-Za-z'-]{2,}/g)) {
    const word = match[0].replace(/'s$/i, '').replace(/[-']+$/, '');
    const lower = word.toLowerCase();
    if (word.length < 3 || STOPWORDS.has(lower) || seen.has(lower)) continue;
    seen.add(lower);
    out.push(lower);
  }
  return out;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^["“'‘]+|["”'’]+$/g, '')
    .trim();
}

function productDescription(prompt: string): string | undefined {
  const lines = prompt.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:[-*]\s*)?product(?:\s+description)?\s*[:=]\s*(.*)$/i.exec(lines[i] ?? '');
    if (!match) continue;
    const rest = unquote(match[1] ?? '');
    if (rest) return rest;
    const next = lines.slice(i + 1).find((line) => line.trim());
    if (next) return unquote(next);
  }
  return undefined;
}

function headline(prompt: string): string | undefined {
  const line =
    /^\s*(?:[-*]\s*)?(?:new\s+)?(?:slide\s+)?(?:text|headline|overlay(?:\s+text)?)\s*[:=]\s*(.+)$/im.exec(
      prompt,
    );
  if (line?.[1] && unquote(line[1])) return unquote(line[1]);
  const quoted = /["“]([^"“”\n]{3,})["”]/.exec(prompt);
  return quoted?.[1]?.trim();
}

/** Elements of the first JSON array under a key containing "slide" (counted by bracket depth). */
function embeddedSlideArrayLength(prompt: string): number {
  const start = /"[^"]*slide[^"]*"\s*:\s*\[/i.exec(prompt);
  if (!start) return 0;
  let depth = 0;
  let count = 0;
  let inString = false;
  let sawValue = false;
  for (let i = start.index + start[0].length; i < prompt.length; i++) {
    const ch = prompt[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      sawValue = true;
    } else if (ch === '[' || ch === '{') {
      depth++;
      sawValue = true;
    } else if (ch === ']' || ch === '}') {
      if (depth === 0) return sawValue ? count + 1 : 0;
      depth--;
    } else if (ch === ',' && depth === 0) {
      count++;
    } else if (ch && !/\s/.test(ch)) {
      sawValue = true;
    }
  }
  return 0;
}

function mentionedSlides(prompt: string): number {
  const numbers = new Set<string>();
  for (const match of prompt.matchAll(/\bslide\s*#?\s*(\d{1,2})\b/gi)) numbers.add(match[1] ?? '');
  return numbers.size;
}

export function readPrompt(prompt: string, seed: number): PromptFacts {
  const description = productDescription(prompt);
  const productWords = words(description ?? prompt);
  const named = productWords.slice(0, 2).map(titleCase).join(' ');
  const variationMatch = /\bvariation\s*(?:#|no\.?|number)?\s*(\d+)/i.exec(prompt);
  return {
    productWords: productWords.length > 0 ? productWords : ['product'],
    productName: named || 'This Product',
    variation: variationMatch?.[1] ? Number(variationMatch[1]) : undefined,
    headline: headline(prompt),
    slideCount: embeddedSlideArrayLength(prompt) || mentionedSlides(prompt),
    baseHash: hashString(prompt.replace(/\bvariation\s*(?:#|no\.?|number)?\s*\d+/gi, 'variation'), seed),
  };
}
