import { useEffect, useState } from 'preact/hooks';
import type { AppInfo } from '../shared/rpc';
import { server } from './rpc';

type Load = { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; message: string };

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    server
      .getAppInfo()
      .then((info) => setLoad({ state: 'ready', info }))
      .catch((error: Error) => setLoad({ state: 'failed', message: error.message }));
  }, []);

  if (load.state === 'loading') return <p class="loading">Loading…</p>;
  if (load.state === 'failed') {
    return (
      <p class="error" role="alert">
        The add-on could not start: {load.message}
      </p>
    );
  }
  const { info } = load;
  return (
    <main>
      <h1>{info.appName}</h1>
      <p class="muted">
        Connected to <strong data-testid="spreadsheet-name">{info.spreadsheetName}</strong> · version{' '}
        {info.version}
      </p>
      {info.batchSheetExists ? (
        <p data-testid="sheet-state">The Batch sheet is ready.</p>
      ) : (
        <p data-testid="sheet-state">
          There is no Batch sheet yet: use <em>Extensions › {info.appName} › Set up sheet</em>.
        </p>
      )}
    </main>
  );
}
