/** Checks the Apps Script manifest before it is copied into build/, so a bad one never reaches clasp. */
import { z } from 'zod';
import { BuildError } from './server';

const manifestSchema = z.object({
  timeZone: z.string(),
  runtimeVersion: z.literal('V8'),
  exceptionLogging: z.literal('STACKDRIVER'),
  oauthScopes: z.array(z.string().startsWith('https://www.googleapis.com/auth/')).min(1),
  urlFetchWhitelist: z.array(z.string().regex(/^https:\/\/[^/]+\/$/)).min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function checkManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BuildError(`appsscript.json is not JSON: ${String(error)}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new BuildError(`appsscript.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
