/** FR2/FR3/FR4 (Batch mode): what is ready in the Batch sheet, what is not and why, the variations, and Start. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BatchCheckView, CheckedRowView } from '../shared/rpc';
import type { Progress } from '../server/engine/progress';
import { Variations } from './Variations';
import { errorText, plural } from './format';
import { server } from './rpc';

const RECHECK_DELAY_MS = 400;

interface Props {
  appName: string;
  defaults: { photo: number; text: number };
  onStarted: (progress: Progress) => void;
}

function RowList({ title, rows, testId }: { title: string; rows: CheckedRowView[]; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul class="row-list">
        {rows.map((row) => (
          <li key={row.rowId}>
            <button
              type="button"
              class="link-button"
              title="Select this row in the sheet"
              onClick={() => void server.selectRow(row.rowId).catch(() => undefined)}
            >
              Row {row.rowNumber}
            </button>
            : {row.status}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CheckScreen({ appName, defaults, onStarted }: Props) {
  const [photo, setPhoto] = useState(defaults.photo);
  const [text, setText] = useState(defaults.text);
  const [check, setCheck] = useState<BatchCheckView | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [showInvalid, setShowInvalid] = useState(false);
  const [starting, setStarting] = useState(false);
  const [runs, setRuns] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setChecking(true);
    const timer = setTimeout(
      () => {
        server
          .checkBatch({ photoVariations: photo, textVariations: text })
          .then((view) => {
            if (ticket !== latest.current) return;
            setCheck(view);
            setError(null);
          })
          .catch((failure: unknown) => {
            if (ticket === latest.current) setError(errorText(failure));
          })
          .finally(() => {
            if (ticket === latest.current) setChecking(false);
          });
      },
      check === null ? 0 : RECHECK_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [photo, text, runs]);

  const start = () => {
    setStarting(true);
    setError(null);
    server
      .startBatch({ photoVariations: photo, textVariations: text })
      .then((result) => onStarted(result.progress))
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setStarting(false));
  };

  const notReady = check ? check.invalid.length + check.duplicates.length + check.incomplete.length : 0;

  return (
    <div data-testid="check-screen">
      <section class="card" aria-labelledby="check-title">
        <div class="header-row">
          <h2 id="check-title">Check</h2>
          <button type="button" class="link-button" onClick={() => setRuns((n) => n + 1)} disabled={checking}>
            Check again
          </button>
        </div>
        {check && !check.sheetExists ? (
          <p data-testid="setup-hint">
            Set up the sheet first: <em>Extensions › {appName} › Set up sheet</em>, then paste your links.
          </p>
        ) : null}
        {check && check.sheetExists ? (
          <>
            <p data-testid="check-summary" aria-live="polite">
              <span aria-hidden="true">✅</span> {check.readyCount} ready <span aria-hidden="true">|</span>{' '}
              <span aria-hidden="true">❌</span> {notReady} invalid
            </p>
            {check.limitMessage ? <p class="warning">{check.limitMessage}</p> : null}
            {notReady > 0 ? (
              <button
                type="button"
                data-testid="view-invalid"
                aria-expanded={showInvalid}
                onClick={() => setShowInvalid((shown) => !shown)}
              >
                {showInvalid ? 'Hide invalid' : 'View invalid'}
              </button>
            ) : null}
            {showInvalid ? (
              <div data-testid="invalid-list">
                <RowList title="Invalid links" rows={check.invalid} testId="invalid-rows" />
                <RowList title="Duplicates" rows={check.duplicates} testId="duplicate-rows" />
                <RowList
                  title="Incomplete (photo or description missing)"
                  rows={check.incomplete}
                  testId="incomplete-rows"
                />
              </div>
            ) : null}
          </>
        ) : null}
        {!check && checking ? <p class="muted">Checking the Batch sheet…</p> : null}
      </section>

      <Variations
        photo={photo}
        text={text}
        check={check}
        checking={checking}
        onChange={(nextPhoto, nextText) => {
          setPhoto(nextPhoto);
          setText(nextText);
        }}
      />
      <button
        type="button"
        class="primary"
        data-testid="start-batch"
        disabled={starting || checking || !check || check.readyCount === 0}
        onClick={start}
      >
        {starting ? 'Starting…' : `Start batch (${plural(check?.readyCount ?? 0, 'link')})`}
      </button>
      {error ? (
        <p class="error" role="alert" data-testid="check-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
