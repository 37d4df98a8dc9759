import {
  isFileReady,
  readDeleteFile,
  readFile,
  readUploadedFile,
  readUploadStart,
} from '../../../src/server/gemini/files';
import type { HttpResult } from '../../../src/server/gemini/http';
import * as f from './fixtures';

const UPLOAD_URL =
  'https://generativelanguage.googleapis.com/upload/v1beta/files?upload_id=AHxI1nO3abc&upload_protocol=resumable';

function startAnswer(headers: Record<string, string>): HttpResult {
  return { status: 200, body: '', headers: { 'X-Goog-Upload-Status': 'active', ...headers } };
}

describe('readUploadStart', () => {
  it('returns the upload URL from the header, whatever its case', () => {
    expect(readUploadStart(startAnswer({ 'x-goog-upload-url': UPLOAD_URL }), f.NOON_PACIFIC)).toEqual({
      kind: 'ok',
      uploadUrl: UPLOAD_URL,
    });
  });

  it('refuses an upload URL on another host, so the photo goes nowhere else', () => {
    const result = readUploadStart(
      startAnswer({ 'X-Goog-Upload-URL': 'https://evil.example.com/upload' }),
      f.NOON_PACIFIC,
    );
    expect(result).toMatchObject({ kind: 'transient', code: 'UNEXPECTED_RESPONSE' });
  });

  it('refuses a start answer without an upload URL', () => {
    expect(readUploadStart(startAnswer({}), f.NOON_PACIFIC).kind).toBe('transient');
  });

  it('passes a bad key through as a settings failure', () => {
    expect(readUploadStart(f.apiKeyInvalid, f.NOON_PACIFIC)).toMatchObject({
      kind: 'settings',
      code: 'KEY_INVALID',
    });
  });
});

describe('readUploadedFile and readFile', () => {
  it('reads the file from the finalize answer (wrapped) and from GET (bare)', () => {
    const uploaded = readUploadedFile(f.json(200, { file: f.uploadedFile }), f.NOON_PACIFIC);
    const got = readFile(f.json(200, f.uploadedFile), f.NOON_PACIFIC);
    expect(uploaded.kind === 'ok' && uploaded.file.uri).toBe(f.uploadedFile.uri);
    expect(got.kind === 'ok' && got.file.name).toBe('files/8kq2x0v1abcd');
    expect(got.kind === 'ok' && isFileReady(got.file)).toBe(true);
    expect(isFileReady({ ...f.uploadedFile, state: 'PROCESSING' })).toBe(false);
  });

  it('reports a file that is gone as file-missing', () => {
    expect(readFile(f.fileMissing, f.NOON_PACIFIC)).toMatchObject({ kind: 'file-missing' });
  });

  it('treats a shape without uri as unexpected', () => {
    expect(readUploadedFile(f.json(200, { file: { name: 'files/x' } }), f.NOON_PACIFIC).kind).toBe(
      'transient',
    );
  });
});

describe('readDeleteFile', () => {
  it('accepts an empty answer and a file that is already gone', () => {
    expect(readDeleteFile({ status: 200, body: '{}', headers: {} }, f.NOON_PACIFIC).kind).toBe('ok');
    expect(readDeleteFile(f.fileMissing, f.NOON_PACIFIC).kind).toBe('ok');
    expect(readDeleteFile(f.overloaded, f.NOON_PACIFIC).kind).toBe('transient');
  });
});
