import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Progress } from '../server/engine/progress';
import type { AppInfo, SettingsView, SingleRunView } from '../shared/rpc';
import { CheckScreen } from './CheckScreen';
import { CompletionScreen } from './CompletionScreen';
import { Header, type Mode } from './Header';
import { ProductsLink, ProductsScreen } from './ProductsScreen';
import { ProgressScreen } from './ProgressScreen';
import { SettingsScreen } from './SettingsScreen';
import { SingleLinkForm, SingleRunScreen } from './SingleLinkScreen';
import { errorText } from './format';
import { server } from './rpc';

type Load =
  | { state: 'loading' }
  | {
      state: 'ready';
      info: AppInfo;
      settings: SettingsView;
      progress: Progress | null;
      /** The single link run, when the current batch is one (FR1). */
      single: SingleRunView | null;
    }
  | { state: 'failed'; message: string };

function finished(progress: Progress): boolean {
  return progress.status === 'completed' || progress.status === 'cancelled';
}

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [mode, setMode] = useState<Mode>('batch');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [productsOpen, setProductsOpen] = useState(false);

  useEffect(() => {
    // getSingleRun answers the batch's progress too, and the single run when the batch is one.
    Promise.all([server.getAppInfo(), server.getSettings(), server.getSingleRun()])
      .then(([info, settings, { progress, run }]) => {
        // Reopened during (or after) a single run: its mode, so "Run another link" comes back to it.
        if (run) setMode('single');
        setLoad({ state: 'ready', info, settings, progress, single: run });
      })
      .catch((error: unknown) => setLoad({ state: 'failed', message: errorText(error) }));
  }, []);

  const setProgress = useCallback((progress: Progress | null) => {
    setLoad((current) => (current.state === 'ready' ? { ...current, progress } : current));
  }, []);

  const setSingle = useCallback((progress: Progress | null, single: SingleRunView | null) => {
    setLoad((current) => (current.state === 'ready' ? { ...current, progress, single } : current));
  }, []);

  if (load.state === 'loading') return <p class="loading">Loading…</p>;
  if (load.state === 'failed') {
    return (
      <p class="error" role="alert">
        The add-on could not start: {load.message}
      </p>
    );
  }
  const { info, settings, progress, single } = load;
  const defaults = { photo: settings.settings.photoVariations, text: settings.settings.textVariations };

  let screen;
  if (settingsOpen) {
    screen = (
      <SettingsScreen
        view={settings}
        onSaved={(view) =>
          setLoad((current) => (current.state === 'ready' ? { ...current, settings: view } : current))
        }
      />
    );
  } else if (progress && single && single.batchId === progress.batchId) {
    screen = (
      <SingleRunScreen
        progress={progress}
        run={single}
        onState={setSingle}
        onDone={() => setSingle(null, null)}
      />
    );
  } else if (progress && finished(progress)) {
    screen = <CompletionScreen progress={progress} onProgress={setProgress} />;
  } else if (progress) {
    screen = <ProgressScreen progress={progress} onProgress={setProgress} />;
  } else if (productsOpen) {
    screen = <ProductsScreen onBack={() => setProductsOpen(false)} />;
  } else if (mode === 'single') {
    screen = <SingleLinkForm appName={info.appName} defaults={defaults} onStarted={setSingle} />;
  } else {
    screen = <CheckScreen appName={info.appName} defaults={defaults} onStarted={setProgress} />;
  }

  return (
    <main>
      <Header
        appName={info.appName}
        spreadsheetName={info.spreadsheetName}
        mode={mode}
        onMode={setMode}
        settingsOpen={settingsOpen}
        onSettings={() => setSettingsOpen((open) => !open)}
        showToggle={!progress}
      />
      {info.batchSheetExists ? (
        <p class="muted small" data-testid="sheet-state">
          The Batch sheet is ready.
        </p>
      ) : (
        <p data-testid="sheet-state">
          There is no Batch sheet yet: use <em>Extensions › {info.appName} › Set up sheet</em>.
        </p>
      )}
      {!settingsOpen && !progress && !productsOpen && mode === 'batch' ? (
        <ProductsLink onOpen={() => setProductsOpen(true)} />
      ) : null}
      {screen}
    </main>
  );
}
