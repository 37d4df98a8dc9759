/**
 * Builds the sidebar for the browser and inlines its script and styles into one self-contained HTML
 * file, since HtmlService serves a single file and the sidebar must not load anything from outside.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { BuildError } from './server';

const SCRIPT_MARK = '<!-- inline:script -->';
const STYLE_MARK = '<!-- inline:style -->';

/** `</script` inside inlined code would end the script element early. */
function escapeForScriptElement(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeForStyleElement(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** Refuses anything that would make the page fetch a resource: external scripts, styles, fonts, images. */
export function checkSelfContained(html: string): void {
  const problems: string[] = [];
  if (/<script[^>]*\ssrc\s*=/i.test(html)) problems.push('an external <script src>');
  if (/<link[^>]*rel\s*=\s*["']?(stylesheet|preload|icon)/i.test(html)) problems.push('a <link> to a resource');
  if (/@import\s/i.test(html)) problems.push('a CSS @import');
  if (/url\(\s*["']?(https?:)?\/\//i.test(html)) problems.push('a CSS url() to another host');
  if (/\s(src|href)\s*=\s*["']https?:\/\/(?!script\.google\.com)/i.test(html)) problems.push('an http(s) src/href');
  if (problems.length > 0) throw new BuildError(`Sidebar.html is not self-contained: ${problems.join(', ')}.`);
}

export async function buildSidebar(entry: string, template: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    outdir: 'sidebar-out',
    loader: { '.css': 'css' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  const page = fs.readFileSync(template, 'utf8');
  if (!page.includes(SCRIPT_MARK) || !page.includes(STYLE_MARK)) {
    throw new BuildError(`${template} needs the ${SCRIPT_MARK} and ${STYLE_MARK} markers.`);
  }
  const html = page
    .replace(STYLE_MARK, () => `<style>${escapeForStyleElement(css)}</style>`)
    .replace(SCRIPT_MARK, () => `<script>${escapeForScriptElement(js)}</script>`);
  checkSelfContained(html);
  return html;
}
