/** FR8: what the batch made, which rows failed and why, Retry failed, Start new batch. */
import { useState } from 'preact/hooks';
import type { Progress } from '../server/engine/progress';
import { duration, errorText, plural, safeUrl } from './format';
import { server } from './rpc';

interface Props {
  progress: Progress;
  onProgress: (progress: Progress | null) => void;
}

export function CompletionScreen({ progress, onProgress }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { rows } = progress;
  const took = progress.endedAt !== null ? progress.endedAt - progress.startedAt : null;

  const act = (call: () => Promise<Progress | null | void>, after: (value: Progress | null) => void) => {
    setBusy(true);
    setError(null);
    call()
      .then((value) => after(value ?? null))
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setBusy(false));
  };

  return (
    <section class="card" aria-labelledby="done-title" data-testid="completion-screen">
      <h2 id="done-title" tabIndex={-1}>
        {progress.status === 'cancelled' ? 'Batch cancelled' : 'Batch complete'}
      </h2>
      <p data-testid="completion-summary" aria-live="polite">
        ✅ {rows.completed} of {plural(rows.total, 'link')} done
        {rows.failed > 0 ? ` · ❌ ${rows.failed} failed` : ''}
        {rows.cancelled > 0 ? ` · ${rows.cancelled} cancelled` : ''}
        {took !== null ? ` · took ${duration(took)}` : ''}
      </p>

      {progress.outputs.length > 0 ? (
        <>
          <h3>Results in Drive</h3>
          <ul class="row-list" data-testid="outputs">
            {progress.outputs.map((output) => {
              const url = safeUrl(output.url);
              return (
                <li key={output.rowId}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      Link {output.number}: open folder
                    </a>
                  ) : (
                    `Link ${output.number}: ${output.url}`
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      {progress.failures.length > 0 ? (
        <>
          <h3>Failed rows</h3>
          <ul class="row-list" data-testid="failures">
            {progress.failures.map((failure) => (
              <li key={failure.rowId}>
                <button
                  type="button"
                  class="link-button"
                  title="Select this row in the sheet"
                  onClick={() => void server.selectRow(failure.rowId).catch(() => undefined)}
                >
                  Link {failure.number}
                </button>
                : {failure.error}
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="retry-failed"
            disabled={busy}
            onClick={() => act(() => server.retryFailedRows(), onProgress)}
          >
            Retry failed
          </button>{' '}
        </>
      ) : null}
      <button
        type="button"
        class="primary"
        data-testid="new-batch"
        disabled={busy}
        onClick={() =>
          act(
            () => server.newBatch(),
            () => onProgress(null),
          )
        }
      >
        Start new batch
      </button>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
