/**
 * A World with every service the add-on talks to answered offline: the simulated TikTok, Gemini (it
 * accepts DEFAULT_SIM_KEY) and Drive's REST API with Drive's image previews. Shared by the local harness
 * and `npm run batch`, so both run the bundle against the same simulated network.
 */
import { createDriveRestSim, userForTokenAmong } from './sim/drive-rest';
import { withDriveThumbnails } from './sim/drive-thumbnails';
import { createGeminiSim, type GeminiSimOptions } from './sim/gemini';
import { createTikTokSim, type TikTokSimOptions } from './sim/tiktok';
import { userScope } from './services/properties/properties-store';
import { loadProject, World, type WorldOptions } from './world';

export interface OfflineWorldOptions extends Omit<WorldOptions, 'project'> {
  /** Extra urlFetchWhitelist entries (e.g. the host of an https product photo). */
  whitelist?: string[];
  /** User properties to seed (the saved key, settings), written over any saved ones. */
  userProperties?: Record<string, string>;
  /** How the simulated Gemini and TikTok behave (rate limits, latency, faults); defaults otherwise. */
  sims?: SimOptions;
  /**
   * Told of every service call a script makes ("SpreadsheetApp", "flush"), just before it takes effect.
   * The harness saves its state at each SpreadsheetApp.flush: what the add-on commits is on disk then,
   * as it is in Google's spreadsheet, so a harness killed mid-execution resumes as Apps Script would.
   */
  onServiceCall?: (className: string, method: string) => void;
}

export interface SimOptions {
  gemini?: Omit<GeminiSimOptions, 'seed'>;
  tiktok?: Omit<TikTokSimOptions, 'seed'>;
}

/** Registers the simulators on the world's router; the same seed gives the same answers. */
export function registerSimulators(world: World, seed = 1, sims: SimOptions = {}) {
  const tiktok = createTikTokSim({ ...sims.tiktok, seed });
  const gemini = createGeminiSim({ ...sims.gemini, seed });
  const userForToken = userForTokenAmong([world.defaultUser]);
  const drive = createDriveRestSim({ store: world.drive, userForToken, seed });
  const previews = withDriveThumbnails(drive.handlers, world.drive, userForToken);
  world.router.registerAll(tiktok.handlers);
  world.router.registerAll(gemini.handlers);
  world.router.registerAll(previews.handlers);
  return { tiktok, gemini, drive, previews };
}

export function offlineWorld(options: OfflineWorldOptions = {}) {
  const { whitelist, userProperties, sims: simOptions, onServiceCall, ...worldOptions } = options;
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
  const sims = registerSimulators(world, options.seed ?? 1, simOptions);
  if (userProperties) world.properties.seed(userScope(world.defaultUser), userProperties);
  if (onServiceCall) {
    const count = world.quotas.countCall.bind(world.quotas);
    world.quotas.countCall = (className, method) => {
      count(className, method);
      onServiceCall(className, method);
    };
  }
  return { world, ...sims };
}
