/**
 * FR1, Single link: one row run at once. Either the row selected in the Batch sheet, or a link, a
 * product photo and a description typed here (they become a new row at the bottom of the sheet). While
 * it runs: its steps; when it is done: its slides as small previews and a link to its Drive folder.
 * It is a batch of one row underneath, pumped like any batch while this screen is open.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Progress } from '../server/engine/progress';
import type { SelectedRowView, SingleRunView, SingleStepView, ThumbnailsView } from '../shared/rpc';
import { checkRows, problemText, type RowProblem } from '../shared/row-check';
import { clock, errorText, plural, safeUrl, wait } from './format';
import { server } from './rpc';
import { CountSelect } from './CountSelect';
import { ConfirmCancel } from './ConfirmCancel';

const SELECTION_POLL_MS = 4000;
const PUMP_EVERY_MS = 2000;
const MIN_GAP_MS = 250;

type Field = 'link' | 'photo' | 'description';

interface FormProps {
  appName: string;
  defaults: { photo: number; text: number };
  onStarted: (progress: Progress, run: SingleRunView | null) => void;
}

function fieldOf(problem: RowProblem): Field | null {
  if (problem.kind === 'link-missing' || problem.kind === 'link-invalid') return 'link';
  if (problem.kind === 'photo-missing' || problem.kind === 'photo-invalid') return 'photo';
  if (problem.kind === 'description-missing') return 'description';
  return null;
}

/** The same check as the Status column, on what is typed, one message per field. */
function typedProblems(link: string, photo: string, description: string): Partial<Record<Field, string>> {
  const [row] = checkRows([
    { rowId: 'typed', rowNumber: 2, link, photo, description, photoVariations: null, textVariations: null },
  ]).rows;
  const out: Partial<Record<Field, string>> = {};
  for (const problem of row?.problems ?? []) {
    const field = fieldOf(problem);
    if (field && !out[field]) out[field] = problemText(problem);
  }
  return out;
}

function shortLink(link: string): string {
  const text = link.replace(/^https?:\/\/(www\.)?/i, '');
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** The row selected in the sheet, asked again every few seconds while the page is visible. */
function useSelectedRow(): [SelectedRowView | null, string | null, () => void] {
  const [selected, setSelected] = useState<SelectedRowView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState(0);
  useEffect(() => {
    let stopped = false;
    void (async () => {
      while (!stopped) {
        if (document.visibilityState !== 'hidden') {
          try {
            const view = await server.getSelectedRow();
            if (stopped) return;
            setSelected(view);
            setError(null);
          } catch (failure) {
            if (!stopped) setError(errorText(failure));
          }
        }
        await wait(SELECTION_POLL_MS);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [ask]);
  return [selected, error, () => setAsk((n) => n + 1)];
}

export function SingleLinkForm({ appName, defaults, onStarted }: FormProps) {
  const [photoVariations, setPhotoVariations] = useState(defaults.photo);
  const [textVariations, setTextVariations] = useState(defaults.text);
  const [link, setLink] = useState('');
  const [photo, setPhoto] = useState('');
  const [description, setDescription] = useState('');
  // Problems show once Start was pressed (not on leaving a field: a message appearing then would move
  // the button under the pointer), and then follow the typing.
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<{ field: Field | 'row' | 'selected'; text: string } | null>(
    null,
  );
  const [starting, setStarting] = useState<'selected' | 'typed' | null>(null);
  const [selected, selectionError, askAgain] = useSelectedRow();
  const formRef = useRef<HTMLFormElement>(null);

  const problems = typedProblems(link, photo, description);
  const shown = (field: Field) =>
    serverError?.field === field ? serverError.text : submitted ? (problems[field] ?? null) : null;

  const begin = (kind: 'selected' | 'typed', input: Parameters<typeof server.startSingleRow>[0]) => {
    setStarting(kind);
    setServerError(null);
    server
      .startSingleRow({ ...input, photoVariations, textVariations })
      .then((result) => {
        if (result.ok) onStarted(result.progress, result.run);
        else {
          const field = result.field === 'row' ? (kind === 'selected' ? 'selected' : 'row') : result.field;
          setServerError({ field, text: result.message });
          if (field !== 'row' && field !== 'selected') {
            formRef.current?.querySelector<HTMLElement>(`#single-${field}`)?.focus();
          }
        }
      })
      .catch((failure: unknown) =>
        setServerError({ field: kind === 'selected' ? 'selected' : 'row', text: errorText(failure) }),
      )
      .finally(() => setStarting(null));
  };

  const submitTyped = (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    const first = (['link', 'photo', 'description'] as const).find((field) => problems[field]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#single-${first}`)?.focus();
      return;
    }
    begin('typed', { link, photo, description });
  };

  const canRunSelected = Boolean(selected?.ready && selected.rowId) && starting === null;
  const inputField = (field: Field, label: string, hint: string, multiline = false) => {
    const message = shown(field);
    const common = {
      id: `single-${field}`,
      'data-testid': `single-${field}`,
      'aria-describedby': `single-${field}-hint single-${field}-error`,
      'aria-invalid': message !== null,
      spellcheck: field === 'description',
      autoComplete: 'off',
    };
    const value = field === 'link' ? link : field === 'photo' ? photo : description;
    const setValue = field === 'link' ? setLink : field === 'photo' ? setPhoto : setDescription;
    return (
      <div class="field">
        <label for={`single-${field}`}>{label}</label>
        {multiline ? (
          <textarea
            {...common}
            rows={3}
            value={value}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              if (serverError?.field === field) setServerError(null);
            }}
          />
        ) : (
          <input
            {...common}
            type="text"
            value={value}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              if (serverError?.field === field) setServerError(null);
            }}
          />
        )}
        <p class="muted small hint" id={`single-${field}-hint`}>
          {hint}
        </p>
        <p class="error small" id={`single-${field}-error`} data-testid={`single-${field}-error`}>
          {message ?? ''}
        </p>
      </div>
    );
  };

  return (
    <div data-testid="single-screen">
      <section class="card" aria-labelledby="single-variations-title">
        <h2 id="single-variations-title">Variations for this link</h2>
        <div class="variations">
          <CountSelect
            label="Photo"
            testId="single-photo-variations"
            value={photoVariations}
            onChange={setPhotoVariations}
          />
          <span aria-hidden="true">×</span>
          <CountSelect
            label="Text"
            testId="single-text-variations"
            value={textVariations}
            onChange={setTextVariations}
          />
          <span>= {plural(photoVariations * textVariations, 'variation')}</span>
        </div>
        <p class="muted small">
          Tip: 1 × 1 gives a quick preview of how a link comes out before you run a whole batch.
        </p>
      </section>

      <section class="card" aria-labelledby="selected-title" data-testid="selected-row">
        <div class="header-row">
          <h2 id="selected-title">The row selected in the sheet</h2>
          <button type="button" class="link-button" onClick={askAgain}>
            Check again
          </button>
        </div>
        <p class="wrap" data-testid="selected-row-state" aria-live="polite" id="selected-row-state">
          {selected === null && !selectionError ? 'Looking at the selection…' : null}
          {selected && selected.rowNumber !== null ? (
            <>
              <strong>Row {selected.rowNumber}</strong>
              {selected.link ? ` · ${shortLink(selected.link)}` : ''}
              <br />
              <span class={selected.ready ? 'ok' : 'warning'}>
                <span aria-hidden="true">{selected.ready ? '✓ ' : '! '}</span>
                {selected.message}
              </span>
            </>
          ) : null}
          {selected && selected.rowNumber === null ? selected.message : null}
          {selectionError ? <span class="error">Could not read the selection: {selectionError}</span> : null}
        </p>
        <button
          type="button"
          class="primary"
          data-testid="start-single"
          disabled={!canRunSelected}
          aria-describedby="selected-row-state"
          onClick={() => selected?.rowId && begin('selected', { rowId: selected.rowId })}
        >
          {starting === 'selected'
            ? 'Starting…'
            : selected?.rowNumber
              ? `Run row ${selected.rowNumber}`
              : 'Run selected row'}
        </button>
        {serverError?.field === 'selected' ? (
          <p class="error" role="alert" data-testid="single-selected-error">
            {serverError.text}
          </p>
        ) : null}
      </section>

      <form
        ref={formRef}
        class="card"
        aria-labelledby="typed-title"
        data-testid="single-typed"
        onSubmit={submitTyped}
        noValidate
      >
        <h2 id="typed-title">Or a new link</h2>
        <p class="muted small">
          It is added as a new row at the bottom of the Batch sheet, then runs at once.
        </p>
        {inputField(
          'link',
          'TikTok link',
          'A TikTok photo slideshow link (Share → Copy link), or a Google Drive folder of slide images.',
        )}
        {inputField(
          'photo',
          'Product photo',
          'A Google Drive link to the photo (Share → Copy link) or an https image link. JPEG or PNG.',
        )}
        {inputField(
          'description',
          'Product description',
          'What the product is and what matters about it, in a sentence or two.',
          true,
        )}
        <button type="submit" class="primary" data-testid="start-typed" disabled={starting !== null}>
          {starting === 'typed' ? 'Starting…' : 'Add to the sheet and run'}
        </button>
        {serverError?.field === 'row' ? (
          <p class="error" role="alert" data-testid="single-error">
            {serverError.text}
          </p>
        ) : null}
        {serverError && serverError.field !== 'row' && serverError.field !== 'selected' ? (
          <p class="visually-hidden" role="alert">
            {serverError.text}
          </p>
        ) : null}
      </form>
      <p class="muted small">
        Want many links at once? Choose <em>Batch</em> above. (Menu: Extensions › {appName}.)
      </p>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------

interface RunProps {
  progress: Progress;
  run: SingleRunView;
  onState: (progress: Progress | null, run: SingleRunView | null) => void;
  /** The run was forgotten (Run another link): back to the form. */
  onDone: () => void;
}

/** Plain symbols (not emoji), drawn by any font, coloured by the step's class. */
const STEP_ICON: Record<SingleStepView['state'], string> = {
  done: '✓',
  active: '●',
  waiting: '○',
  failed: '✗',
};

const STEP_WORD: Record<SingleStepView['state'], string> = {
  done: 'done',
  active: 'in progress',
  waiting: 'waiting',
  failed: 'failed',
};

function pumping(progress: Progress): boolean {
  return progress.status === 'running' || progress.status === 'paused';
}

function safeDataUrl(url: string | null): string | null {
  return url && /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(url) ? url : null;
}

function Thumbnails({ run }: { run: SingleRunView }) {
  const [variation, setVariation] = useState(1);
  const [view, setView] = useState<ThumbnailsView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    server
      .getSingleThumbnails(variation)
      .then((next) => {
        if (current) setView(next);
      })
      .catch((failure: unknown) => {
        if (current) setError(errorText(failure));
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [variation, ask]);

  const variationUrl = view ? safeUrl(view.variationFolderUrl ?? '') : null;
  return (
    <div data-testid="thumbnails-section">
      <div class="header-row">
        <h3 id="slides-title">Slides</h3>
        {run.variations > 1 ? (
          <label class="small">
            Variation{' '}
            <select
              data-testid="thumbnail-variation"
              value={String(variation)}
              onChange={(event) => setVariation(Number(event.currentTarget.value))}
            >
              {Array.from({ length: run.variations }, (_, index) => index + 1).map((n) => (
                <option key={n} value={String(n)}>
                  {n} of {run.variations}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <p class="muted small" aria-live="polite" data-testid="thumbnails-state">
        {loading ? 'Loading the previews…' : null}
        {!loading && view
          ? `Variation ${view.variation}: ${plural(view.slideCount, 'slide')}. Click one to open it in Drive.`
          : null}
      </p>
      {view && view.thumbnails.length > 0 ? (
        <ul class="thumbnails" data-testid="thumbnails" aria-labelledby="slides-title">
          {view.thumbnails.map((thumbnail) => {
            const src = safeDataUrl(thumbnail.dataUrl);
            const href = safeUrl(thumbnail.fileUrl);
            const alt = `Slide ${thumbnail.index + 1} of variation ${view.variation}`;
            const body = src ? (
              <img src={src} alt={alt} data-testid="thumbnail" />
            ) : (
              <span class="thumbnail-missing">{alt}: no preview yet</span>
            );
            return (
              <li key={`${view.variation}-${thumbnail.index}`}>
                {href ? (
                  <a
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={`Open ${thumbnail.name} in Drive`}
                  >
                    {body}
                  </a>
                ) : (
                  body
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {view?.note ? (
        <p class="muted small" data-testid="thumbnails-note">
          {view.note}
        </p>
      ) : null}
      {variationUrl ? (
        <p class="small">
          <a href={variationUrl} target="_blank" rel="noopener noreferrer">
            Open variation {view?.variation} in Drive
          </a>
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          Could not load the previews: {error}
        </p>
      ) : null}
      {!loading && (error || view?.thumbnails.some((thumbnail) => !thumbnail.dataUrl)) ? (
        <button type="button" onClick={() => setAsk((n) => n + 1)}>
          Show again
        </button>
      ) : null}
    </div>
  );
}

export function SingleRunScreen({ progress, run, onState, onDone }: RunProps) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = pumping(progress);
  const heading = useRef<HTMLHeadingElement>(null);
  const ended = run.rowState === 'completed' || run.rowState === 'failed' || run.rowState === 'cancelled';

  const apply = useCallback(
    (next: { progress: Progress | null; run: SingleRunView | null }) => onState(next.progress, next.run),
    [onState],
  );

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const began = Date.now();
        try {
          const next = await server.pumpSingleRow();
          if (stopped) return;
          setError(null);
          apply(next);
          if (!next.progress || !pumping(next.progress)) return;
        } catch (failure) {
          if (stopped) return;
          setError(`Could not reach the add-on: ${errorText(failure)}. Trying again…`);
        }
        await wait(Math.max(MIN_GAP_MS, PUMP_EVERY_MS - (Date.now() - began)));
      }
    })();
    return () => {
      stopped = true;
    };
  }, [active, apply]);

  useEffect(() => {
    if (ended) heading.current?.focus();
  }, [ended]);

  const act = (call: () => Promise<unknown>, after: () => Promise<void> | void) => {
    setBusy(true);
    setError(null);
    call()
      .then(after)
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };
  const refresh = async () => apply(await server.getSingleRun());

  const folder = safeUrl(run.folderUrl ?? '');
  const title =
    run.rowState === 'completed'
      ? 'Your link is done'
      : run.rowState === 'failed'
        ? 'This link failed'
        : run.rowState === 'cancelled'
          ? 'Cancelled'
          : 'Working on your link';
  return (
    <section class="card" aria-labelledby="single-run-title" data-testid="single-run">
      <div class="header-row">
        <h2 id="single-run-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        {!ended && !confirming ? (
          <button
            type="button"
            data-testid="cancel-single"
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            Cancel
          </button>
        ) : null}
      </div>
      <p class="small single-link" title={run.link}>
        {run.label ? <strong>{run.label}</strong> : null} {shortLink(run.link)}
      </p>
      {confirming ? (
        <ConfirmCancel
          id="single-confirm-text"
          yesTestId="cancel-single-yes"
          yesLabel="Yes, stop it"
          busy={busy}
          onYes={() => act(() => server.cancelBatch(), refresh)}
          onNo={() => setConfirming(false)}
        >
          Stop this link? Slides already saved in Drive are kept.
        </ConfirmCancel>
      ) : null}

      <div aria-live="polite" data-testid="single-status">
        <p>
          Status: <strong>{run.statusText}</strong>
        </p>
        {progress.status === 'paused' ? (
          <p class="warning">
            Paused: {progress.message ?? 'Gemini quota reached'}
            {progress.resumeAt !== null ? `. Goes on by itself at ${clock(progress.resumeAt)}.` : '.'}
          </p>
        ) : null}
      </div>
      <ol class="steps" data-testid="single-steps">
        {run.steps.map((step) => (
          <li key={step.key} class={`step ${step.state}`}>
            <span class="step-icon" aria-hidden="true">
              {STEP_ICON[step.state]}
            </span>{' '}
            {step.label}
            {step.detail ? ` (${step.detail})` : ''}
            <span class="visually-hidden">: {STEP_WORD[step.state]}</span>
          </li>
        ))}
      </ol>
      {run.imagesTotal > 0 && !ended ? (
        <div
          class="bar"
          role="progressbar"
          aria-label="Slides made"
          aria-valuemin={0}
          aria-valuemax={run.imagesTotal}
          aria-valuenow={run.imagesDone}
        >
          <div
            class="bar-fill"
            style={{ width: `${Math.round((100 * run.imagesDone) / run.imagesTotal)}%` }}
          />
        </div>
      ) : null}

      {progress.status === 'stopped' ? (
        <div class="warning" role="alert" data-testid="single-stopped">
          <p>Stopped: {progress.message ?? 'see the Status column.'}</p>
          <button type="button" disabled={busy} onClick={() => act(() => server.resumeBatch(), refresh)}>
            Resume
          </button>
        </div>
      ) : null}

      {run.error ? (
        <p class="error" role="alert" data-testid="single-failure">
          {run.error}
        </p>
      ) : null}

      {folder ? (
        <p>
          <a href={folder} target="_blank" rel="noopener noreferrer" data-testid="single-folder">
            Open this link’s folder in Drive
          </a>
        </p>
      ) : null}

      {run.rowState === 'completed' ? <Thumbnails run={run} /> : null}

      {ended ? (
        <div class="actions">
          {run.rowState === 'failed' ? (
            <button
              type="button"
              data-testid="retry-single"
              disabled={busy}
              onClick={() => act(() => server.retryFailedRows(), refresh)}
            >
              Try again
            </button>
          ) : null}{' '}
          <button
            type="button"
            class="primary"
            data-testid="single-another"
            disabled={busy || active}
            onClick={() => act(() => server.newBatch(), onDone)}
          >
            {active ? 'Finishing…' : 'Run another link'}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
