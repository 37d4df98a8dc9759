/**
 * Drive's image previews, next to the simulated Drive REST API: `files.get` answers `thumbnailLink`
 * for images (a link on lh3.googleusercontent.com ending in `=s220`), and that host serves the image
 * scaled so its long side is the `=s<pixels>` asked for (never larger than the original), as a JPEG.
 * The preview needs the same Bearer token as the API, for a user who may open the file.
 *
 *   const previews = withDriveThumbnails(drive.handlers, world.drive, userForToken);
 *   world.router.registerAll(previews.handlers);   // replaces www.googleapis.com, adds the preview host
 */
import { encode as encodeJpeg } from 'jpeg-js';
import type { HttpHandler, SimRequest, SimResponse } from '../core/http';
import type { DriveStore } from '../services/drive';
import { decodeImage } from './gemini/image/decode';
import { createRaster, drawCover } from './gemini/image/raster';

export const THUMBNAIL_HOST = 'lh3.googleusercontent.com';
const DRIVE_HOST = 'www.googleapis.com';
const DEFAULT_SIZE = 220;
const PREVIEW_QUALITY = 85;
/** Drive makes previews of these; other files (and folders) get no thumbnailLink. */
const PREVIEWABLE = /^image\/(jpeg|png)$/;

export interface DriveThumbnails {
  handlers: Record<string, HttpHandler>;
  stats: { linksGiven: number; served: number; refused: number };
}

function tokenOf(request: SimRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

function plain(status: number, text: string): SimResponse {
  return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: text, latencyMs: 60 };
}

export function withDriveThumbnails(
  driveHandlers: Readonly<Record<string, HttpHandler>>,
  store: DriveStore,
  userForToken: (token: string) => string | undefined,
): DriveThumbnails {
  const inner = driveHandlers[DRIVE_HOST];
  if (!inner) throw new Error('withDriveThumbnails: no Drive REST handler to wrap');
  const stats = { linksGiven: 0, served: 0, refused: 0 };

  const api: HttpHandler = (request, context) => {
    const url = new URL(request.url);
    const single = /^\/drive\/v3\/files\/([^/]+)$/.exec(url.pathname);
    const fields = url.searchParams.get('fields');
    if (request.method !== 'GET' || !single?.[1] || !fields || url.searchParams.has('alt')) {
      return inner(request, context);
    }
    const wanted = fields.split(',').map((field) => field.trim());
    if (!wanted.includes('thumbnailLink')) return inner(request, context);
    const rest = wanted.filter((field) => field !== 'thumbnailLink');
    url.searchParams.set('fields', rest.length > 0 ? rest.join(',') : 'id');
    const answer = inner({ ...request, url: url.toString() }, context);
    if (answer.status !== 200 || typeof answer.body !== 'string') return answer;
    const id = decodeURIComponent(single[1]);
    const item = store.get(id);
    if (!item || !PREVIEWABLE.test(item.mimeType)) return answer;
    stats.linksGiven += 1;
    const body = {
      ...(JSON.parse(answer.body) as object),
      thumbnailLink: `https://${THUMBNAIL_HOST}/drive-sim/${id}=s${DEFAULT_SIZE}`,
    };
    return { ...answer, body: JSON.stringify(body) };
  };

  const previews: HttpHandler = (request) => {
    const url = new URL(request.url);
    const match = /^\/drive-sim\/([^/=]+)=s(\d{1,4})$/.exec(url.pathname);
    if (!match?.[1] || request.method !== 'GET') return plain(404, 'Not Found');
    const token = tokenOf(request);
    const user = token === undefined ? undefined : userForToken(token);
    const id = match[1];
    if (!user || !store.has(id) || store.roleOf(id, user) === null) {
      stats.refused += 1;
      return plain(403, 'Forbidden');
    }
    const raster = decodeImage(store.readBytes(id));
    if (!raster) return plain(404, 'Not Found');
    const longSide = Math.max(1, Number(match[2]));
    const scale = Math.min(1, longSide / Math.max(raster.width, raster.height));
    const width = Math.max(1, Math.round(raster.width * scale));
    const height = Math.max(1, Math.round(raster.height * scale));
    const small = createRaster(width, height);
    drawCover(small, raster, { x: 0, y: 0, width, height });
    const bytes = new Uint8Array(encodeJpeg({ width, height, data: small.data }, PREVIEW_QUALITY).data);
    stats.served += 1;
    return {
      status: 200,
      headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(bytes.length) },
      body: bytes,
      latencyMs: 150 + Math.round(bytes.length / 20_000),
    };
  };

  return { handlers: { [DRIVE_HOST]: api, [THUMBNAIL_HOST]: previews }, stats };
}
