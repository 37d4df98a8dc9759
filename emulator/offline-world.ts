/**
 * A World with every service the add-on talks to answered offline: the simulated TikTok, Gemini (it
 * accepts DEFAULT_SIM_KEY) and Drive's REST API with Drive's image previews. Shared by the local harness
 * and `npm run batch`, so both run the bundle against the same simulated network.
 */
import { createDriveRestSim, userForTokenAmong } from './sim/drive-rest';
import { withDriveThumbnails } from './sim/drive-thumbnails';
import { createGeminiSim } from './sim/gemini';
import { createTikTokSim } from './sim/tiktok';
import { userScope } from './services/properties/properties-store';
import { loadProject, World, type WorldOptions } from './world';

export interface OfflineWorldOptions extends Omit<WorldOptions, 'project'> {
  /** Extra urlFetchWhitelist entries (e.g. the host of an https product photo). */
  whitelist?: string[];
  /** User properties to seed (the saved key, settings), written over any saved ones. */
  userProperties?: Record<string, string>;
}

/** Registers the simulators on the world's router; the same seed gives the same answers. */
export function registerSimulators(world: World, seed = 1) {
  const tiktok = createTikTokSim({ seed });
  const gemini = createGeminiSim({ seed });
  const userForToken = userForTokenAmong([world.defaultUser]);
  const drive = createDriveRestSim({ store: world.drive, userForToken, seed });
  const previews = withDriveThumbnails(drive.handlers, world.drive, userForToken);
  world.router.registerAll(tiktok.handlers);
  world.router.registerAll(gemini.handlers);
  world.router.registerAll(previews.handlers);
  return { tiktok, gemini, drive, previews };
}

export function offlineWorld(options: OfflineWorldOptions = {}) {
  const { whitelist, userProperties, ...worldOptions } = options;
  // The manifest is widened only when asked: the harness runs the manifest exactly as clasp pushes it.
  const extra = whitelist ?? [];
  const project = extra.length > 0 ? loadProject(worldOptions.buildDir ?? 'build') : undefined;
  const world = new World({
    ...worldOptions,
    ...(project
      ? {
          project: {
            ...project,
            manifest: {
              ...project.manifest,
              urlFetchWhitelist: [...(project.manifest.urlFetchWhitelist ?? []), ...extra],
            },
          },
        }
      : {}),
  });
  const sims = registerSimulators(world, options.seed ?? 1);
  if (userProperties) world.properties.seed(userScope(world.defaultUser), userProperties);
  return { world, ...sims };
}
