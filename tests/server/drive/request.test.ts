import {
  createFolderRequest,
  findChildrenRequest,
  getFileRequest,
  getMediaRequest,
  multipartUploadRequest,
  trashRequest,
} from '../../../src/server/drive/request';
import { childrenQuery, queryLiteral } from '../../../src/server/drive/query';
import { fileUrl, folderUrl } from '../../../src/server/drive/api';
import { MULTIPART_BOUNDARY } from '../../../src/server/drive/multipart';
import { describeDriveRequest } from '../../../src/server/drive/log';

const TOKEN = 'ya29.test-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

function params(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('Drive request builders', () => {
  it('createFolderRequest posts folder metadata and asks for the link', () => {
    const spec = createFolderRequest(TOKEN, 'TikTok Batch 2026-11-22 14.05', 'root');
    expect(spec.method).toBe('post');
    expect(spec.url.split('?')[0]).toBe('https://www.googleapis.com/drive/v3/files');
    expect(params(spec.url)).toEqual({ fields: 'id,name,parents,webViewLink', supportsAllDrives: 'true' });
    expect(spec.headers).toEqual(AUTH);
    expect(spec.contentType).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(spec.payload ?? '')).toEqual({
      name: 'TikTok Batch 2026-11-22 14.05',
      mimeType: 'application/vnd.google-apps.folder',
      parents: ['root'],
    });
  });

  it('writes a non-ASCII folder name as JSON escapes', () => {
    const spec = createFolderRequest(TOKEN, 'Link_001_@café', 'p1');
    expect(spec.payload).toContain('caf\\u00e9');
    expect(JSON.parse(spec.payload ?? '').name).toBe('Link_001_@café');
  });

  it('findChildrenRequest lists untrashed children with the listing fields, paged', () => {
    const spec = findChildrenRequest(TOKEN, 'parent1', 'slide_0.jpg', 'image/jpeg', 'page-2');
    expect(spec.method).toBe('get');
    expect(spec.headers).toEqual(AUTH);
    expect(spec.url.split('?')[0]).toBe('https://www.googleapis.com/drive/v3/files');
    expect(params(spec.url)).toEqual({
      q: "'parent1' in parents and name = 'slide_0.jpg' and mimeType = 'image/jpeg' and trashed = false",
      fields: 'nextPageToken,files(id,name,mimeType,size,createdTime)',
      pageSize: '1000',
      pageToken: 'page-2',
      supportsAllDrives: 'true',
      includeItemsFromAllDrives: 'true',
    });
  });

  it('findChildrenRequest without a name or type lists the whole folder, and no token on page one', () => {
    const q = params(findChildrenRequest(TOKEN, 'parent1').url);
    expect(q.q).toBe("'parent1' in parents and trashed = false");
    expect(q).not.toHaveProperty('pageToken');
  });

  it('percent-encodes the query so quotes, ampersands and spaces survive the URL', () => {
    const spec = findChildrenRequest(TOKEN, 'p', "Jenny's & Co\\");
    expect(spec.url).not.toMatch(/[ '\\]/);
    expect(params(spec.url).q).toBe("'p' in parents and name = 'Jenny\\'s & Co\\\\' and trashed = false");
  });

  it('multipartUploadRequest targets the upload endpoint with the boundary in the content type', () => {
    const base64 = Buffer.from([1, 2, 3]).toString('base64');
    const spec = multipartUploadRequest(
      TOKEN,
      { name: 'a.jpg', mimeType: 'image/jpeg', parentId: 'f' },
      { base64 },
    );
    expect(spec.method).toBe('post');
    expect(spec.url.split('?')[0]).toBe('https://www.googleapis.com/upload/drive/v3/files');
    expect(params(spec.url)).toEqual({
      uploadType: 'multipart',
      fields: 'id,name,mimeType,size,parents,createdTime,webViewLink',
      supportsAllDrives: 'true',
    });
    expect(spec.headers).toEqual(AUTH);
    expect(spec.contentType).toBe(`multipart/related; boundary=${MULTIPART_BOUNDARY}`);
    expect(spec.payloadBase64).toBeDefined();
    expect(spec.payloadBytes).toBeUndefined();
    expect(spec.payload).toBeUndefined();
  });

  it('multipartUploadRequest with Byte[] media gives a Byte[] body', () => {
    const spec = multipartUploadRequest(
      TOKEN,
      { name: 'a.jpg', mimeType: 'image/jpeg', parentId: 'f' },
      { bytes: [-1, -40, -1] },
    );
    expect(spec.payloadBase64).toBeUndefined();
    const bytes = spec.payloadBytes ?? [];
    const tail = `\r\n--${MULTIPART_BOUNDARY}--`.length;
    expect(bytes.slice(bytes.length - tail - 3, bytes.length - tail)).toEqual([-1, -40, -1]);
  });

  it('getMediaRequest, getFileRequest and trashRequest address the file by id', () => {
    const media = getMediaRequest(TOKEN, 'id 1/x');
    expect(media.url).toBe(
      'https://www.googleapis.com/drive/v3/files/id%201%2Fx?alt=media&supportsAllDrives=true',
    );
    expect(media.headers).toEqual(AUTH);

    const get = getFileRequest(TOKEN, 'abc', 'id,name,size');
    expect(get.url).toBe(
      'https://www.googleapis.com/drive/v3/files/abc?fields=id%2Cname%2Csize&supportsAllDrives=true',
    );
    expect(get.method).toBe('get');

    const trash = trashRequest(TOKEN, 'abc');
    expect(trash.method).toBe('patch');
    expect(JSON.parse(trash.payload ?? '')).toEqual({ trashed: true });
    expect(trash.contentType).toBe('application/json; charset=UTF-8');
  });

  it('never puts the token in a URL', () => {
    const specs = [
      createFolderRequest(TOKEN, 'x', 'root'),
      findChildrenRequest(TOKEN, 'p', 'n'),
      getMediaRequest(TOKEN, 'i'),
      getFileRequest(TOKEN, 'i', 'id'),
      trashRequest(TOKEN, 'i'),
      multipartUploadRequest(TOKEN, { name: 'n', mimeType: 'image/png', parentId: 'p' }, { bytes: [] }),
    ];
    for (const spec of specs) expect(spec.url).not.toContain(TOKEN);
  });
});

describe('query literals', () => {
  it.each([
    ['plain', "'plain'"],
    ["Jenny's", "'Jenny\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
    ["\\'", "'\\\\\\''"],
    ['', "''"],
  ])('%j → %s', (value, literal) => {
    expect(queryLiteral(value)).toBe(literal);
  });

  it('childrenQuery escapes the parent id too', () => {
    expect(childrenQuery("a'b", { mimeType: 'application/vnd.google-apps.folder' })).toBe(
      "'a\\'b' in parents and mimeType = 'application/vnd.google-apps.folder' and trashed = false",
    );
  });
});

describe('links', () => {
  it('builds the addresses people open', () => {
    expect(fileUrl('1AbC_-x')).toBe('https://drive.google.com/file/d/1AbC_-x/view');
    expect(folderUrl('1AbC_-x')).toBe('https://drive.google.com/drive/folders/1AbC_-x');
  });
});

describe('describeDriveRequest', () => {
  it('hides the token and gives the body size in bytes', () => {
    const upload = multipartUploadRequest(
      TOKEN,
      { name: 'a.jpg', mimeType: 'image/jpeg', parentId: 'f' },
      { base64: Buffer.from([1, 2, 3, 4]).toString('base64') },
    );
    const described = describeDriveRequest(upload);
    expect(JSON.stringify(described)).not.toContain(TOKEN);
    expect(described.headers.Authorization).toBe('Bearer (hidden)');
    expect(described.bodyBytes).toBe(Buffer.from(upload.payloadBase64 ?? '', 'base64').length);
    const bytes = multipartUploadRequest(
      TOKEN,
      { name: 'a', mimeType: 'image/png', parentId: 'f' },
      { bytes: [1, 2] },
    );
    expect(describeDriveRequest(bytes).bodyBytes).toBe(bytes.payloadBytes?.length);
    expect(describeDriveRequest(trashRequest(TOKEN, 'x')).bodyBytes).toBe('{"trashed":true}'.length);
  });
});
