/**
 * FR6: the running batch. While this screen is open it pumps the batch and shows the progress each pump
 * returns: each lane calls again about every 2 seconds, and there are as many lanes as the server asks
 * for (`progress.pumps`: one, or a few when a large quota needs more requests in flight than one
 * execution holds).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Progress } from '../server/engine/progress';
import { clock, duration, errorText, plural, wait } from './format';
import { server } from './rpc';
import { ConfirmCancel } from './ConfirmCancel';
import { lanesFor } from '../shared/lanes';

const PUMP_EVERY_MS = 2000;
const MIN_GAP_MS = 250;

interface Props {
  progress: Progress;
  onProgress: (progress: Progress | null) => void;
}

function pumping(progress: Progress): boolean {
  return progress.status === 'running' || progress.status === 'paused';
}

export function ProgressScreen({ progress, onProgress }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = pumping(progress);
  const lanesWanted = useRef(1);
  lanesWanted.current = lanesFor(progress.pumps);

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let lanes = 0;
    // A lane that starts after `delay`, counted from now so no other lane is started for it meanwhile.
    const laneAfter = (delay: number) => {
      lanes += 1;
      void wait(delay).then(() => {
        lanes -= 1;
        if (!stopped) void lane();
      });
    };
    const lane = async (): Promise<void> => {
      lanes += 1;
      try {
        while (!stopped && lanes <= lanesWanted.current) {
          const began = Date.now();
          try {
            const next = await server.pumpBatch();
            if (stopped) return;
            setError(null);
            onProgress(next);
            if (!next || !pumping(next)) return;
            lanesWanted.current = lanesFor(next.pumps);
            // More lanes when the server asks for them, each starting a moment after the last.
            for (let extra = 0; lanes < lanesWanted.current; extra++) laneAfter(MIN_GAP_MS * (extra + 1));
          } catch (failure) {
            if (stopped) return;
            setError(`Could not reach the add-on: ${errorText(failure)}. Trying again…`);
          }
          await wait(Math.max(MIN_GAP_MS, PUMP_EVERY_MS - (Date.now() - began)));
        }
      } finally {
        lanes -= 1;
      }
    };
    // As many lanes as the progress asks for already (a batch just started asks for its first ones).
    void lane();
    for (let extra = 1; extra < lanesWanted.current; extra++) laneAfter(MIN_GAP_MS * extra);
    return () => {
      stopped = true;
    };
  }, [active, onProgress]);

  const act = (call: () => Promise<Progress | null>) => {
    setBusy(true);
    setError(null);
    call()
      .then((next) => onProgress(next))
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };

  const { rows } = progress;
  return (
    <section class="card" aria-labelledby="progress-title" data-testid="progress-screen">
      <div class="header-row">
        <h2 id="progress-title">Processing batch</h2>
        {!confirming ? (
          <button
            type="button"
            data-testid="cancel-batch"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Cancel
          </button>
        ) : null}
      </div>
      {confirming ? (
        <ConfirmCancel
          id="confirm-text"
          testId="cancel-confirm"
          yesTestId="cancel-confirm-yes"
          yesLabel="Yes, cancel the batch"
          busy={busy}
          onYes={() => act(() => server.cancelBatch())}
          onNo={() => setConfirming(false)}
        >
          Cancel the batch? Completed rows and their files in Drive are kept; the rows not finished yet stop.
        </ConfirmCancel>
      ) : null}

      <div aria-live="polite" data-testid="progress-live">
        <p>
          Overall: {rows.completed + rows.failed} of {plural(rows.total, 'link')}
        </p>
        <div
          class="bar"
          role="progressbar"
          aria-label="Batch progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
        >
          <div class="bar-fill" style={{ width: `${progress.percent}%` }} />
        </div>
        <p data-testid="progress-percent">{progress.percent}%</p>
        <ul class="counts" data-testid="progress-counts">
          <li>✅ {rows.completed} completed</li>
          <li>⏳ {rows.inProgress} in progress</li>
          <li>❌ {rows.failed} failed</li>
          <li>🕒 {rows.queued} queued</li>
        </ul>
        {progress.status === 'running' && progress.timeLeftMs !== null ? (
          <p data-testid="time-left">Time left: {duration(progress.timeLeftMs)}</p>
        ) : null}
        {progress.status === 'paused' ? (
          <p class="warning" data-testid="paused">
            Paused: {progress.message ?? 'Gemini quota reached'}
            {progress.resumeAt !== null ? `. Goes on by itself at ${clock(progress.resumeAt)}.` : '.'}
          </p>
        ) : null}
      </div>

      {progress.status === 'stopped' ? (
        <div class="warning" role="alert" data-testid="stopped">
          <p>Stopped: {progress.message ?? 'see the Status column.'}</p>
          <button
            type="button"
            data-testid="resume-batch"
            disabled={busy}
            onClick={() => act(() => server.resumeBatch())}
          >
            Resume
          </button>
        </div>
      ) : null}

      {progress.events.length > 0 ? (
        <>
          <h3>Recent</h3>
          <ul class="events" data-testid="progress-events">
            {progress.events.map((event, index) => (
              <li key={`${event.at}-${index}`}>
                <span class="muted">{clock(event.at)}</span> {event.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
