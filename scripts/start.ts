/**
 * npm start: the local harness. Offline: TikTok and Gemini are simulated. State lives in .local/harness,
 * so stopping and starting again picks up where it was; `npm start -- --fresh` starts over.
 */
import { startHarness } from './harness/server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : Number(process.env.PORT ?? 8787);
  const harness = await startHarness({
    port,
    stateDir: '.local/harness',
    fresh: args.includes('--fresh'),
    buildDir: 'build',
  });
  console.log(`Slideshow Remix harness: open ${harness.url} in your browser (Ctrl+C to stop).`);
  console.log('The sheet is on the left, the real sidebar on the right; everything runs offline.');
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
