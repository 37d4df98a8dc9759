/**
 * npm start: the local harness. Offline unless GEMINI_API_KEY is set (then the real Gemini answers;
 * TikTok stays simulated). State lives in .local/harness (.local/demo with --demo), so stopping and
 * starting again picks up where it was; `npm start -- --fresh` starts over.
 *
 *   npm start [-- --demo] [--fresh] [--port 8787]
 */
import { DEFAULT_SIM_KEY } from '../emulator/sim/gemini';
import { startHarness } from './harness/server';

const USAGE = 'Usage: npm start [-- --demo] [--fresh] [--port 8787]   (GEMINI_API_KEY=… for the real Gemini)';

function parseArgs(args: string[]) {
  const known = new Set(['--demo', '--fresh', '--port', '--help', '-h']);
  const unknown = args.filter((arg, index) => !known.has(arg) && args[index - 1] !== '--port');
  if (unknown.length > 0 || args.includes('--help') || args.includes('-h')) {
    if (unknown.length > 0) console.error(`Unknown option: ${unknown.join(' ')}`);
    console.error(USAGE);
    process.exit(unknown.length > 0 ? 2 : 0);
  }
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a number from 0 to 65535.\n${USAGE}`);
    process.exit(2);
  }
  return { port, demo: args.includes('--demo'), fresh: args.includes('--fresh') };
}

async function main(): Promise<void> {
  const { port, demo, fresh } = parseArgs(process.argv.slice(2));
  const geminiApiKey = process.env.GEMINI_API_KEY?.trim() || undefined;
  const stateDir = demo ? '.local/demo' : '.local/harness';
  const harness = await startHarness({
    port,
    stateDir,
    fresh,
    buildDir: 'build',
    demo,
    geminiApiKey,
  });
  console.log(`Slideshow Remix harness: open ${harness.url} in your browser (Ctrl+C to stop).`);
  console.log('The sheet is on the left (type or paste into it, drop product photos on rows), the real');
  console.log('sidebar on the right, the emulated Google Drive below the sheet.');
  if (harness.mode.gemini === 'real') {
    console.log('Mode: REAL Gemini (GEMINI_API_KEY is set and saved as your key; requests cost quota).');
    console.log('      TikTok is simulated.');
  } else {
    console.log('Mode: offline. TikTok and Gemini are simulated; nothing leaves this machine.');
    console.log(`      The simulated Gemini accepts the key ${DEFAULT_SIM_KEY} (Settings).`);
    console.log('      Set GEMINI_API_KEY to use the real Gemini.');
  }
  if (demo) {
    console.log(
      harness.demoRows > 0
        ? `Demo: ${harness.demoRows} sample rows with product photos and a saved key are ready: press Start batch.`
        : `Demo: picked up where it was in ${stateDir} (npm start -- --demo --fresh starts the demo over).`,
    );
  } else {
    console.log(`State: ${stateDir} (npm start -- --fresh starts over; --demo loads three sample rows).`);
  }
  const stop = () => {
    harness.world.save();
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
