/**
 * What `drive.file` lets the app change: the items it created through the API (and any the person
 * handed it through the Google Picker, see `grant`). The Drive store has no such field, DriveApp not
 * needing one, so the simulator keeps the set itself, with the items' appProperties (private to the
 * app, so also not the store's business).
 *
 * When the store lives in a directory, the set is saved next to it (`drive-rest-app.json`), so a
 * reopened world still lets the app write into the folders it made before.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const APP_GRANTS_FILE = 'drive-rest-app.json';

const savedSchema = z.object({
  version: z.literal(1),
  appFiles: z.array(z.string()),
  appProperties: z.record(z.string(), z.record(z.string(), z.string())),
});

export class AppGrants {
  private readonly files = new Set<string>();
  private readonly properties = new Map<string, Record<string, string>>();
  private readonly path: string | null;

  constructor(storeDir: string | null) {
    this.path = storeDir === null ? null : join(storeDir, APP_GRANTS_FILE);
    if (this.path && existsSync(this.path)) {
      const saved = savedSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
      for (const id of saved.appFiles) this.files.add(id);
      for (const [id, props] of Object.entries(saved.appProperties)) this.properties.set(id, props);
    }
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  grant(id: string): void {
    if (this.files.has(id)) return;
    this.files.add(id);
    this.save();
  }

  appPropertiesOf(id: string): Readonly<Record<string, string>> | undefined {
    return this.properties.get(id);
  }

  /** Merges, as Drive does: a null value removes the key. */
  setAppProperties(id: string, patch: Readonly<Record<string, string | null>>): void {
    const next: Record<string, string> = { ...this.properties.get(id) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    if (Object.keys(next).length === 0) this.properties.delete(id);
    else this.properties.set(id, next);
    this.save();
  }

  private save(): void {
    if (!this.path) return;
    const saved: z.infer<typeof savedSchema> = {
      version: 1,
      appFiles: [...this.files],
      appProperties: Object.fromEntries(this.properties),
    };
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(saved)}\n`);
    renameSync(temporary, this.path);
  }
}
