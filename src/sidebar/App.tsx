import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Progress } from '../server/engine/progress';
import type { AppInfo, SettingsView } from '../shared/rpc';
import { CheckScreen } from './CheckScreen';
import { CompletionScreen } from './CompletionScreen';
import { Header, type Mode } from './Header';
import { ProgressScreen } from './ProgressScreen';
import { SettingsScreen } from './SettingsScreen';
import { errorText } from './format';
import { server } from './rpc';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; info: AppInfo; settings: SettingsView; progress: Progress | null }
  | { state: 'failed'; message: string };

function finished(progress: Progress): boolean {
  return progress.status === 'completed' || progress.status === 'cancelled';
}

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [mode, setMode] = useState<Mode>('batch');
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    Promise.all([server.getAppInfo(), server.getSettings(), server.getBatchProgress()])
      .then(([info, settings, progress]) => setLoad({ state: 'ready', info, settings, progress }))
      .catch((error: unknown) => setLoad({ state: 'failed', message: errorText(error) }));
  }, []);

  const setProgress = useCallback((progress: Progress | null) => {
    setLoad((current) => (current.state === 'ready' ? { ...current, progress } : current));
  }, []);

  if (load.state === 'loading') return <p class="loading">Loading…</p>;
  if (load.state === 'failed') {
    return (
      <p class="error" role="alert">
        The add-on could not start: {load.message}
      </p>
    );
  }
  const { info, settings, progress } = load;

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
  } else if (progress && finished(progress)) {
    screen = <CompletionScreen progress={progress} onProgress={setProgress} />;
  } else if (progress) {
    screen = <ProgressScreen progress={progress} onProgress={setProgress} />;
  } else {
    screen = (
      <CheckScreen
        appName={info.appName}
        mode={mode}
        defaults={{ photo: settings.settings.photoVariations, text: settings.settings.textVariations }}
        onStarted={setProgress}
      />
    );
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
      {screen}
    </main>
  );
}
