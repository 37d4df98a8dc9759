/** Small wording helpers shared by the sidebar's screens. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "about 3 minutes", "under a minute", "about 2 h 10 min". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `about ${plural(minutes, 'minute')}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

export function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function dollars(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** Only https links from the server become links; anything else is shown as text. */
export function safeUrl(url: string): string | null {
  return /^https:\/\//i.test(url) ? url : null;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
