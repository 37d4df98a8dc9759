/**
 * The bodies the simulated TikTok sends: post pages with the `__UNIVERSAL_DATA_FOR_REHYDRATION__` script
 * (desktop `webapp.video-detail`, mobile `webapp.reflow.video.detail`), status pages, the challenge page,
 * stubs, the login page, and tikwm's JSON. Field names and nesting follow the real payloads.
 */
import { slideUrlList, SECOND_MIRROR_HOST, signedImageUrl } from './tiktok-cdn';
import type { SimPost } from './tiktok-posts';

export type PageFlavour = 'desktop' | 'mobile';

const ASSETS =
  'https://sf16-website-login.neutral.ttwstatic.com/obj/tiktok_web_login_static/tiktok/webapp/main';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** TikTok escapes "<" in the embedded JSON so no string can close the script tag. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function appScopes(flavour: PageFlavour, canonical: string): Record<string, unknown> {
  return {
    'webapp.app-context': {
      language: 'en',
      region: 'US',
      appId: 1233,
      user: {},
      wid: '7400000000000000001',
      abTestVersion: { versionName: '70105.0' },
    },
    'webapp.biz-context': {
      os: flavour === 'mobile' ? 'android' : 'windows',
      isMobile: flavour === 'mobile',
    },
    'seo.abtest': { canonical, vidList: [] },
  };
}

function page(options: {
  title: string;
  canonical: string;
  flavour: PageFlavour;
  scope: Record<string, unknown> | null;
}): string {
  const bundle = options.flavour === 'mobile' ? 'webapp-mobile' : 'webapp-desktop';
  const data =
    options.scope === null
      ? ''
      : `\n    <script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">${embeddedJson({
          __DEFAULT_SCOPE__: { ...appScopes(options.flavour, options.canonical), ...options.scope },
        })}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(options.title)}</title>
    <meta property="og:site_name" content="TikTok">
    <meta property="og:url" content="${escapeHtml(options.canonical)}">
    <link rel="canonical" href="${escapeHtml(options.canonical)}">
    <link rel="stylesheet" href="${ASSETS}/${bundle}/8152caf0c8e8bc67.css">
    <script nonce="c2ltLW5vbmNl">window.__INIT_TIME__=Date.now();</script>
  </head>
  <body>
    <div id="__next"><div id="app"></div></div>${data}
    <script nonce="c2ltLW5vbmNl" src="${ASSETS}/${bundle}/npm-async-bytedance.e0a2b3c4.js" async></script>
  </body>
</html>
`;
}

function postCanonical(post: SimPost): string {
  const kind = post.behaviour === 'video' ? 'video' : 'photo';
  return `https://www.tiktok.com/@${post.author}/${kind}/${post.id}`;
}

function authorStruct(post: SimPost) {
  return {
    id: post.authorId,
    uniqueId: post.author,
    nickname: post.nickname,
    avatarThumb: `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${post.authorId}~c5_100x100.jpeg`,
    signature: 'Tips every week ✨',
    verified: false,
    secUid: `MS4wLjABAAAA${post.authorId}`,
    privateAccount: false,
  };
}

function itemStruct(post: SimPost, nowMs: number): Record<string, unknown> {
  const tagStart = post.caption.indexOf('#');
  const base = {
    id: post.id,
    desc: post.caption,
    createTime: String(post.createTime),
    author: authorStruct(post),
    music: {
      id: `${post.id.slice(0, 13)}000001`,
      title: post.music.title,
      authorName: post.music.author,
      original: post.music.title.startsWith('original sound'),
      duration: 30,
    },
    challenges: post.hashtags.map((tag, index) => ({ id: String(index + 1), title: tag })),
    stats: { diggCount: 1200, shareCount: 40, commentCount: 31, playCount: 45000, collectCount: '310' },
    textExtra: post.hashtags.map((tag, index) => ({
      awemeId: '',
      start: tagStart + index,
      end: tagStart + index + tag.length + 1,
      hashtagName: tag,
      type: 1,
      subType: 0,
      isCommerce: false,
    })),
    isContentClassified: false,
    privateItem: false,
    locationCreated: 'US',
  };
  if (post.behaviour === 'video') {
    return {
      ...base,
      video: { id: post.id, width: 576, height: 1024, duration: 23, ratio: '540p', format: 'mp4' },
    };
  }
  if (post.behaviour === 'age-gated') {
    return { id: post.id, desc: '', author: authorStruct(post), isContentClassified: true, stats: {} };
  }
  const images = post.slides.map((slide) => ({
    imageURL: { urlList: slideUrlList(post, slide, nowMs) },
    imageWidth: slide.width,
    imageHeight: slide.height,
  }));
  return {
    ...base,
    video: { id: '', width: post.slides[0]?.width ?? 0, height: post.slides[0]?.height ?? 0, duration: 0 },
    imagePost: {
      images,
      cover: images[0],
      shareCover: images[0],
      title: post.caption.split('#')[0]?.trim() ?? '',
    },
  };
}

function detailScopeKey(flavour: PageFlavour): string {
  return flavour === 'mobile' ? 'webapp.reflow.video.detail' : 'webapp.video-detail';
}

export function postPageHtml(post: SimPost, flavour: PageFlavour, nowMs: number): string {
  return page({
    title: `${post.caption} | TikTok`,
    canonical: postCanonical(post),
    flavour,
    scope: {
      [detailScopeKey(flavour)]: {
        statusCode: 0,
        statusMsg: '',
        itemInfo: { itemStruct: itemStruct(post, nowMs) },
        shareMeta: { title: `${post.nickname} on TikTok`, desc: post.caption },
      },
    },
  });
}

export function statusPageHtml(statusCode: number, statusMsg: string, flavour: PageFlavour): string {
  return page({
    title: 'TikTok - Make Your Day',
    canonical: 'https://www.tiktok.com/',
    flavour,
    scope: { [detailScopeKey(flavour)]: { statusCode, statusMsg, itemInfo: {} } },
  });
}

export function stubPageHtml(): string {
  return page({
    title: 'TikTok - Make Your Day',
    canonical: 'https://www.tiktok.com/',
    flavour: 'desktop',
    scope: null,
  });
}

export function homePageHtml(): string {
  return page({
    title: 'TikTok - Make Your Day',
    canonical: 'https://www.tiktok.com/',
    flavour: 'desktop',
    scope: {},
  });
}

export function notFoundPageHtml(): string {
  return page({
    title: "Couldn't find this page | TikTok",
    canonical: 'https://www.tiktok.com/notfound',
    flavour: 'desktop',
    scope: {},
  });
}

export function loginPageHtml(): string {
  return page({
    title: 'Log in | TikTok',
    canonical: 'https://www.tiktok.com/login',
    flavour: 'desktop',
    scope: { 'webapp.login': { loginType: 'qrcode' } },
  });
}

/** The proof-of-work page datacenter IPs get: parameters base64-encoded in the class of `<div id="cs">`. */
export function challengePageHtml(seed: number): string {
  const parameters = Buffer.from(
    JSON.stringify({ v: 'a16c3d', s: seed.toString(36).padStart(8, '0'), d: 4 }),
    'utf8',
  ).toString('base64');
  return `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>Please wait...</title></head>
  <body>
    <div id="cs" class="${parameters}"></div>
    <p>Verifying your browser. This may take a few seconds.</p>
    <script>(function(){var c=JSON.parse(atob(document.getElementById("cs").className));window.__cs=c;setTimeout(function(){location.reload()},1500)})();</script>
  </body>
</html>
`;
}

export function tikwmPostJson(post: SimPost, nowMs: number): Record<string, unknown> {
  const isVideo = post.behaviour === 'video';
  const data: Record<string, unknown> = {
    id: post.id,
    region: 'US',
    title: post.caption,
    cover: `https://www.tikwm.com/video/cover/${post.id}.webp`,
    duration: isVideo ? 23 : 0,
    play: isVideo
      ? `https://www.tikwm.com/video/media/play/${post.id}.mp4`
      : `https://www.tikwm.com/video/music/${post.id}.mp3`,
    music_info: {
      id: `${post.id.slice(0, 13)}000001`,
      title: post.music.title,
      author: post.music.author,
      original: post.music.title.startsWith('original sound'),
      duration: 30,
    },
    create_time: post.createTime,
    author: { id: post.authorId, unique_id: post.author, nickname: post.nickname },
  };
  if (!isVideo)
    data.images = post.slides.map((slide) => signedImageUrl(post, slide, SECOND_MIRROR_HOST, 'jpeg', nowMs));
  return { code: 0, msg: 'success', processed_time: 0.21, data };
}
