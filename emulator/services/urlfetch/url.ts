/** The parts of a URL the emulated UrlFetchApp needs, and the manifest's urlFetchWhitelist check. */

export function hostOf(url: string): string | null {
  const match = /^https?:\/\/([^/?#:]+)(:\d+)?/i.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

/** A whitelist entry is an https URL prefix; its host may start with `*.` for any subdomain. */
export function allowedByWhitelist(url: string, whitelist: readonly string[] | undefined): boolean {
  if (!whitelist) return true;
  return whitelist.some((entry) => {
    const wildcard = /^https:\/\/\*\.([^/]+)(\/.*)$/.exec(entry);
    if (!wildcard) return url.startsWith(entry);
    const host = hostOf(url);
    const [, domain = '', path = '/'] = wildcard;
    const rest = url.replace(/^https:\/\/[^/]+/i, '');
    return (
      url.toLowerCase().startsWith('https://') &&
      host !== null &&
      host.endsWith(`.${domain}`) &&
      rest.startsWith(path)
    );
  });
}

/** Resolves a Location header against the URL that sent it. */
export function resolveLocation(base: string, location: string): string {
  if (/^https?:\/\//i.test(location)) return location;
  const origin = /^(https?:\/\/[^/?#]+)/i.exec(base)?.[1] ?? '';
  if (location.startsWith('//')) return `${base.split(':')[0]}:${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  const directory = base.replace(/[?#].*$/, '').replace(/\/[^/]*$/, '/');
  return `${directory}${location}`;
}
