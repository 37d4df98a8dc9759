/**
 * A Link cell may name a Google Drive folder of slide images instead of (or as well as) a TikTok link:
 * the route no TikTok block can stop. The folder's images, in name order, are the slides; no TikTok
 * request is made for such a row. Pure (Apps Script and the sidebar both use it), URLs read by hand.
 */

export interface SlideFolder {
  readonly folderId: string;
  /** The `resourcekey` of an older shared link, which Drive needs to open some folders shared by link. */
  readonly resourceKey: string | null;
  readonly url: string;
}

const FOLDER_URL =
  /(?:https?:\/\/)?drive\.google\.com\/(?:drive\/(?:u\/\d+\/)?folders\/([A-Za-z0-9_-]{10,})|(?:embedded)?folderview\?(?:[^\s#]*&)?id=([A-Za-z0-9_-]{10,}))([^\s"'<>]*)/i;

/** The Drive folder named in a Link cell's text, or null when there is none. */
export function findSlideFolder(cellText: string): SlideFolder | null {
  const match = FOLDER_URL.exec(String(cellText ?? ''));
  if (!match) return null;
  const folderId = match[1] ?? match[2];
  if (!folderId) return null;
  const key = /[?&]resourcekey=([A-Za-z0-9_-]+)/i.exec(match[0])?.[1] ?? null;
  return { folderId, resourceKey: key, url: `https://drive.google.com/drive/folders/${folderId}` };
}
