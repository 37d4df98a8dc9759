import * as fs from 'node:fs';
import { checkManifest } from '../../scripts/build/manifest';
import { checkSelfContained } from '../../scripts/build/sidebar';

describe('sidebar html', () => {
  const html = fs.readFileSync('build/Sidebar.html', 'utf8');

  it('is one self-contained file with the app inlined', () => {
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(() => checkSelfContained(html)).not.toThrow();
  });

  it('has exactly one inline script and no unescaped closing tag inside it', () => {
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it.each([
    ['<script src="https://cdn.example.com/x.js"></script>', /external <script src>/],
    ['<link rel="stylesheet" href="x.css">', /<link>/],
    ['<style>@import url(x.css);</style>', /@import/],
    ['<style>body{background:url(https://x.example/y.png)}</style>', /url\(\)/],
    ['<img src="https://x.example/y.png">', /http\(s\) src/],
  ])('refuses a page that loads from outside: %s', (page, reason) => {
    expect(() => checkSelfContained(page)).toThrow(reason);
  });
});

describe('manifest', () => {
  const text = fs.readFileSync('appsscript.json', 'utf8');
  const manifest = checkManifest(text);

  it('is V8 with exception logging and explicit narrow scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    // The broad scopes stay out: all spreadsheets, all of Drive read-write.
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });

  it('whitelists Gemini and TikTok hosts for UrlFetchApp', () => {
    expect(manifest.urlFetchWhitelist).toEqual(
      expect.arrayContaining(['https://generativelanguage.googleapis.com/', 'https://www.tiktok.com/', 'https://vm.tiktok.com/']),
    );
  });

  it('is copied into build/ unchanged', () => {
    expect(fs.readFileSync('build/appsscript.json', 'utf8')).toBe(text);
  });

  it('refuses a manifest without V8', () => {
    const bad = JSON.stringify({ ...JSON.parse(text), runtimeVersion: 'DEPRECATED_ES5' });
    expect(() => checkManifest(bad)).toThrow(/runtimeVersion/);
  });

  it('refuses a manifest without explicit scopes', () => {
    const { oauthScopes: _dropped, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(() => checkManifest(JSON.stringify(rest))).toThrow(/oauthScopes/);
  });
});
