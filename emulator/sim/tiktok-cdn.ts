/**
 * The simulated image CDN: signed, expiring slide URLs (as TikTok lists them in `urlList`) and the handler
 * that checks them and serves real JPEG bytes. A rewritten URL, a swapped mirror host or an expired one is
 * refused with a 403, as the real CDN does.
 */
import type { SimResponse } from '../core/http';
import { renderSlideJpeg } from './jpeg-slides';
import { hashString } from './seeded-random';
import { simPost, type SimPost, type SimSlide } from './tiktok-posts';

export const FIRST_MIRROR_HOST = 'p16-sign-va.tiktokcdn.com';
export const SECOND_MIRROR_HOST = 'p19-sign.tiktokcdn-us.com';
export const CDN_HOSTS = [FIRST_MIRROR_HOST, SECOND_MIRROR_HOST] as const;

/** Signed URLs stay valid this long, like TikTok's (hours). */
export const SIGNATURE_LIFETIME_SECONDS = 6 * 3600;

const SIGNING_SALT = 0x7ac0ffee;
const IMAGE_PATH =
  /^\/tos-maliva-i-photomode-us\/([0-9a-f]{8})_(\d{15,21})_(\d{1,2})~tplv-photomode-image\.(jpeg|webp)$/;

function signature(host: string, path: string, expires: number): string {
  const text = `${host}${path}|${expires}`;
  const a = hashString(text, SIGNING_SALT).toString(16).padStart(8, '0');
  const b = hashString(text, SIGNING_SALT + 1)
    .toString(16)
    .padStart(8, '0');
  return `${a}${b}`;
}

function imagePath(post: SimPost, slide: SimSlide, extension: 'jpeg' | 'webp'): string {
  const tag = hashString(`${post.id}:${slide.index}`).toString(16).padStart(8, '0');
  return `/tos-maliva-i-photomode-us/${tag}_${post.id}_${slide.index}~tplv-photomode-image.${extension}`;
}

export function signedImageUrl(
  post: SimPost,
  slide: SimSlide,
  host: string,
  extension: 'jpeg' | 'webp',
  nowMs: number,
): string {
  const path = imagePath(post, slide, extension);
  const expires = Math.floor(nowMs / 1000) + SIGNATURE_LIFETIME_SECONDS;
  const nonce = hashString(path, 3) % 100000;
  return (
    `https://${host}${path}?dr=10395&nonce=${nonce}&refresh_token=${hashString(path, 4).toString(16)}` +
    `&x-expires=${expires}&x-signature=${signature(host, path, expires)}%3D&ftpl=1&idc=useast5` +
    `&ps=13740610&shcp=34ff8df6&shp=d05b14bd&t=4d5b0474`
  );
}

/** The urlList of one slide, mirrors in TikTok's order (a `.webp` first on some slides). */
export function slideUrlList(post: SimPost, slide: SimSlide, nowMs: number): string[] {
  const jpegs = [
    signedImageUrl(post, slide, FIRST_MIRROR_HOST, 'jpeg', nowMs),
    signedImageUrl(post, slide, SECOND_MIRROR_HOST, 'jpeg', nowMs),
  ];
  return slide.webpFirst ? [signedImageUrl(post, slide, FIRST_MIRROR_HOST, 'webp', nowMs), ...jpegs] : jpegs;
}

/** Encoding is the slow part; a batch asks for each slide a few times (retries, variations). */
class JpegCache {
  private readonly entries = new Map<string, Uint8Array>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => Uint8Array): Uint8Array {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return made;
  }
}

export interface CdnOptions {
  readonly slideWidth: number;
  readonly jpegQuality: number;
}

export function createCdnServer(options: CdnOptions): (url: URL, nowMs: number) => SimResponse {
  const cache = new JpegCache(256);
  return (url, nowMs) => {
    const host = url.hostname.toLowerCase();
    const match = IMAGE_PATH.exec(url.pathname);
    if (!match) return refuse(404, 'Not Found');
    const [, , postId = '', indexText = '0', extension = 'jpeg'] = match;
    const expires = Number(url.searchParams.get('x-expires'));
    const given = url.searchParams.get('x-signature') ?? '';
    if (!Number.isFinite(expires) || given !== `${signature(host, url.pathname, expires)}=`) {
      return refuse(403, 'Forbidden: bad signature');
    }
    if (nowMs / 1000 > expires) return refuse(403, 'Forbidden: URL expired');

    const post = simPost(postId, options.slideWidth);
    const slide = post.slides[Number(indexText)];
    if (!slide) return refuse(404, 'Not Found');
    if (post.allMirrorsRefuse || (post.firstMirrorRefuses && host === FIRST_MIRROR_HOST)) {
      return refuse(403, 'Forbidden');
    }
    // The simulator draws JPEG only; a client that reaches for the .webp mirror while a .jpeg one
    // exists has a bug worth seeing.
    if (extension !== 'jpeg')
      return refuse(404, 'Not Found: the simulated CDN serves the .jpeg mirrors only');

    const bytes = cache.get(`${postId}/${slide.index}/${options.slideWidth}/${options.jpegQuality}`, () =>
      renderSlideJpeg(
        {
          width: slide.width,
          height: slide.height,
          seed: slide.seed,
          number: slide.index + 1,
          count: post.slides.length,
          text: slide.text,
        },
        options.jpegQuality,
      ),
    );
    return {
      status: 200,
      headers: {
        'Content-Type': 'image/jpeg',
        'Content-Length': String(bytes.length),
        'Cache-Control': 'max-age=2592000',
        'X-Cache': 'HIT TCP_MEM_HIT',
      },
      body: bytes,
    };
  };
}

function refuse(status: number, text: string): SimResponse {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}
