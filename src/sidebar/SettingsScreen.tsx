/**
 * FR9: the Gemini key (masked, validated, with the exact reason when it fails), the models the key may
 * use, JPEG or PNG, the parent folder for results, and the pace of a batch; saved per user.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyCheckView, SettingsView } from '../shared/rpc';
import { parseFolderRef } from '../shared/folder-ref';
import type { Settings } from '../shared/settings';
import { errorText, safeUrl } from './format';
import { server } from './rpc';

interface Props {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}

type Editable = Pick<
  Settings,
  | 'textModel'
  | 'imageModel'
  | 'outputFormat'
  | 'rowsInProgress'
  | 'textRequestsPerMinute'
  | 'imageRequestsPerMinute'
>;

type Model = { id: string; name: string };

type Models =
  | { state: 'idle' | 'loading' }
  | { state: 'loaded'; text: Model[]; image: Model[] }
  | { state: 'failed'; message: string };

type Message = { ok: boolean; text: string };

/** Which input a server message is about (by the field name the server gives), and its label. */
const FIELD_INPUTS: Readonly<Record<string, { id: string; label: string }>> = {
  apiKey: { id: 'api-key', label: 'Gemini API key' },
  parentFolder: { id: 'parent-folder', label: 'Parent folder for results' },
  textModel: { id: 'text-model', label: 'Text model' },
  imageModel: { id: 'image-model', label: 'Image model' },
  rowsInProgress: { id: 'rows-in-progress', label: 'Rows in progress at once' },
  textRequestsPerMinute: { id: 'text-rpm', label: 'Text requests per minute' },
  imageRequestsPerMinute: { id: 'image-rpm', label: 'Image requests per minute' },
};

type FieldError = { id: string; text: string } | null;

/** A field's problem, under it; the input names it in aria-describedby, so focusing it reads it. */
function FieldProblem({ id, error }: { id: string; error: FieldError }) {
  return (
    <p class="error small" id={`${id}-error`} data-testid={`${id}-error`}>
      {error?.id === id ? error.text : ''}
    </p>
  );
}

function folderText(view: SettingsView): string {
  const id = view.settings.parentFolderId;
  return id ? `https://drive.google.com/drive/folders/${id}` : '';
}

function Status({ message, testId }: { message: Message | null; testId: string }) {
  // A failure interrupts (role=alert); a success is announced politely (role=status).
  if (!message) return null;
  return (
    <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid={testId}>
      <span aria-hidden="true">{message.ok ? '✓ ' : '✗ '}</span>
      {message.text}
    </p>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  error: FieldError;
  onInput: (value: number) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={Number.isFinite(props.value) ? String(props.value) : ''}
        aria-describedby={`${props.id}-hint ${props.id}-error`}
        aria-invalid={props.error?.id === props.id}
        onInput={(event) => {
          const text = event.currentTarget.value.trim();
          props.onInput(text === '' ? Number.NaN : Number(text));
        }}
      />
      <p class="muted small hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <FieldProblem id={props.id} error={props.error} />
    </div>
  );
}

function ModelSelect(props: {
  id: string;
  label: string;
  value: string;
  saved: string;
  models: Model[] | null;
  disabled: boolean;
  error: FieldError;
  onChange: (value: string) => void;
}) {
  // Gemini's own names ("Gemini 2.5 Flash"); the id shows on hover.
  const options = (props.models ?? []).map((model) => ({ id: model.id, label: model.name || model.id }));
  // The saved model stays selectable even when the list could not be loaded or no longer offers it.
  for (const id of new Set([props.saved, props.value])) {
    if (id && !options.some((model) => model.id === id)) {
      options.unshift({ id, label: props.models === null ? id : `${id} (saved; not offered by this key)` });
    }
  }
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        disabled={props.disabled}
        aria-describedby={`models-state ${props.id}-error`}
        aria-invalid={props.error?.id === props.id}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {options.map((model) => (
          <option key={model.id} value={model.id} title={model.id}>
            {model.label}
          </option>
        ))}
      </select>
      <FieldProblem id={props.id} error={props.error} />
    </div>
  );
}

export function SettingsScreen({ view, onSaved }: Props) {
  const [key, setKey] = useState('');
  const [edits, setEdits] = useState<Editable>({
    textModel: view.settings.textModel,
    imageModel: view.settings.imageModel,
    outputFormat: view.settings.outputFormat,
    rowsInProgress: view.settings.rowsInProgress,
    textRequestsPerMinute: view.settings.textRequestsPerMinute,
    imageRequestsPerMinute: view.settings.imageRequestsPerMinute,
  });
  const [folder, setFolder] = useState(folderText(view));
  const [models, setModels] = useState<Models>({ state: 'idle' });
  const [keyMessage, setKeyMessage] = useState<Message | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [fieldError, setFieldError] = useState<FieldError>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const showModels = (check: KeyCheckView) => {
    if (check.ok) setModels({ state: 'loaded', text: check.textModels, image: check.imageModels });
  };

  // The models the saved key may use, to fill the pickers.
  useEffect(() => {
    if (!view.apiKey.saved) return;
    setModels({ state: 'loading' });
    server
      .validateApiKey()
      .then((check) =>
        check.ok ? showModels(check) : setModels({ state: 'failed', message: check.message }),
      )
      .catch((failure: unknown) => setModels({ state: 'failed', message: errorText(failure) }));
  }, []);

  /**
   * A refusal: the whole reason under the field it is about (read when the field gets the focus), a
   * short alert by the Save button; a reason about no field in particular goes whole by the button.
   */
  const refuse = (text: string, field: string | undefined) => {
    const input = field ? FIELD_INPUTS[field] : undefined;
    setFieldError(input ? { id: input.id, text } : null);
    setMessage({
      ok: false,
      text: input ? `Nothing was saved: see “${input.label}” above.` : text,
    });
    if (input) form.current?.querySelector<HTMLElement>(`#${input.id}`)?.focus();
  };

  const set = <Name extends keyof Editable>(name: Name, value: Editable[Name]) =>
    setEdits((current) => ({ ...current, [name]: value }));

  const validate = () => {
    setBusy(true);
    setKeyMessage(null);
    setFieldError(null);
    const typed = key.trim();
    server
      .validateApiKey(typed || undefined)
      .then((check) => {
        setKeyMessage({
          ok: check.ok,
          text: check.ok && typed ? `${check.message} Press Save to keep it.` : check.message,
        });
        if (check.ok) showModels(check);
        else if (typed) form.current?.querySelector<HTMLElement>('#api-key')?.focus();
      })
      .catch((failure: unknown) => setKeyMessage({ ok: false, text: errorText(failure) }))
      .finally(() => setBusy(false));
  };

  const folderRef = parseFolderRef(folder);
  const folderChanged = folder.trim() !== folderText(view);

  const save = (event: Event) => {
    event.preventDefault();
    // A box that holds no folder link is said at once, without asking Drive.
    if (folderChanged && folderRef.kind === 'invalid') {
      refuse(folderRef.message, 'parentFolder');
      return;
    }
    setBusy(true);
    setMessage(null);
    setFieldError(null);
    server
      .saveSettings({
        settings: edits,
        apiKey: key.trim() || undefined,
        ...(folderChanged ? { parentFolder: folder.trim() } : {}),
      })
      .then((result) => {
        // A refused key is said once, in the message below the Save button.
        if (result.keyCheck?.ok) {
          setKeyMessage({ ok: true, text: result.keyCheck.message });
          showModels(result.keyCheck);
        }
        if (result.ok) {
          setKey('');
          setFolder(folderText(result.view));
          setMessage({ ok: true, text: 'Settings saved.' });
          onSaved(result.view);
        } else {
          refuse(result.message, result.field);
        }
      })
      .catch((failure: unknown) => setMessage({ ok: false, text: errorText(failure) }))
      .finally(() => setBusy(false));
  };

  const makeFolder = () => {
    setBusy(true);
    setMessage(null);
    setFieldError(null);
    server
      .createResultsFolder()
      .then((result) => {
        if (result.ok) {
          setFolder(folderText(result.view));
          setMessage({
            ok: true,
            text: `Made the folder “${result.view.settings.parentFolderName ?? ''}” in My Drive: new batches go there. You may rename it or move it anywhere in Drive.`,
          });
          onSaved(result.view);
        } else {
          refuse(result.message, 'parentFolder');
        }
      })
      .catch((failure: unknown) => setMessage({ ok: false, text: errorText(failure) }))
      .finally(() => setBusy(false));
  };

  const savedFolderUrl = view.settings.parentFolderId
    ? safeUrl(`https://drive.google.com/drive/folders/${encodeURIComponent(view.settings.parentFolderId)}`)
    : null;
  const listed = models.state === 'loaded' ? models : null;

  return (
    <form
      ref={form}
      class="card"
      aria-labelledby="settings-title"
      aria-busy={busy}
      data-testid="settings-screen"
      onSubmit={save}
      noValidate
    >
      <h2 id="settings-title">Settings</h2>
      <p class="muted small">Saved for you only: other people using this spreadsheet have their own.</p>

      <div class="field">
        <label for="api-key">Gemini API key</label>
        <p class="muted small" data-testid="key-saved">
          {view.apiKey.saved ? `Saved key: ${view.apiKey.masked ?? ''}` : 'No key saved yet.'}
        </p>
        <input
          id="api-key"
          data-testid="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          placeholder={view.apiKey.saved ? 'Paste a new key to replace it' : 'Paste your key'}
          value={key}
          aria-describedby="api-key-hint api-key-error"
          aria-invalid={fieldError?.id === 'api-key' || keyMessage?.ok === false}
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <p class="muted small hint" id="api-key-hint">
          From Google AI Studio (aistudio.google.com/apikey). Validate checks it with Gemini without saving
          it.
        </p>
        <FieldProblem id="api-key" error={fieldError} />
        <button type="button" data-testid="validate-key" disabled={busy} onClick={validate}>
          Validate
        </button>
        <Status message={keyMessage} testId="key-check" />
      </div>

      <fieldset class="field" aria-describedby="models-state">
        <legend>Models</legend>
        <ModelSelect
          id="text-model"
          label="Text model (reads the slides, writes the new texts)"
          value={edits.textModel}
          saved={view.settings.textModel}
          models={listed ? listed.text : null}
          disabled={busy}
          error={fieldError}
          onChange={(value) => set('textModel', value)}
        />
        <ModelSelect
          id="image-model"
          label="Image model (makes the new slides)"
          value={edits.imageModel}
          saved={view.settings.imageModel}
          models={listed ? listed.image : null}
          disabled={busy}
          error={fieldError}
          onChange={(value) => set('imageModel', value)}
        />
        <p class="muted small" id="models-state" data-testid="models-state" aria-live="polite">
          {models.state === 'loading' ? 'Loading the models your key may use…' : null}
          {models.state === 'idle' ? 'Save or validate a key to choose among the models it may use.' : null}
          {models.state === 'loaded'
            ? `${listed?.text.length ?? 0} text and ${listed?.image.length ?? 0} image models offered by your key.`
            : null}
          {models.state === 'failed'
            ? `Could not load the list of models: ${models.message} Your saved choice is kept.`
            : null}
        </p>
      </fieldset>

      <fieldset class="field">
        <legend>Output format</legend>
        {(
          [
            ['jpeg', 'JPEG (recommended: smaller files)'],
            ['png', 'PNG (lossless, larger files)'],
          ] as const
        ).map(([format, label]) => (
          <label key={format} class="block">
            <input
              type="radio"
              name="output-format"
              value={format}
              data-testid={`format-${format}`}
              checked={edits.outputFormat === format}
              onChange={() => set('outputFormat', format)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for="parent-folder">Parent folder for results</label>
        <p class="muted small" data-testid="folder-saved">
          New batches go into{' '}
          {view.settings.parentFolderId ? (
            savedFolderUrl ? (
              <a href={savedFolderUrl} target="_blank" rel="noopener noreferrer">
                {view.settings.parentFolderName ?? 'the chosen folder'}
              </a>
            ) : (
              (view.settings.parentFolderName ?? 'the chosen folder')
            )
          ) : (
            'My Drive'
          )}
          .
        </p>
        <input
          id="parent-folder"
          data-testid="parent-folder"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="Empty: My Drive"
          value={folder}
          aria-describedby="parent-folder-hint parent-folder-error"
          aria-invalid={fieldError?.id === 'parent-folder'}
          onInput={(event) => setFolder(event.currentTarget.value)}
        />
        <p class="muted small hint" id="parent-folder-hint">
          A Google Drive folder link, or empty for My Drive. The add-on may save only into My Drive and
          folders it made itself (Google’s limited Drive permission), so use “Make a new folder” for a folder
          of your own; you can move it anywhere in Drive afterwards.
        </p>
        <FieldProblem id="parent-folder" error={fieldError} />
        <button type="button" data-testid="make-folder" disabled={busy} onClick={makeFolder}>
          Make a new folder
        </button>
      </div>

      <NumberField
        id="rows-in-progress"
        label="Rows in progress at once (1–20)"
        hint="How many links are worked on at the same time. 5 suits most Gemini plans."
        value={edits.rowsInProgress}
        min={1}
        max={20}
        error={fieldError}
        onInput={(value) => set('rowsInProgress', value)}
      />
      <NumberField
        id="text-rpm"
        label="Text requests per minute"
        hint="Your text model’s limit (AI Studio › Usage and limits). The batch never sends faster."
        value={edits.textRequestsPerMinute}
        min={1}
        max={30000}
        error={fieldError}
        onInput={(value) => set('textRequestsPerMinute', value)}
      />
      <NumberField
        id="image-rpm"
        label="Image requests per minute"
        hint="Your image model’s limit (AI Studio › Usage and limits). The batch never sends faster."
        value={edits.imageRequestsPerMinute}
        min={1}
        max={30000}
        error={fieldError}
        onInput={(value) => set('imageRequestsPerMinute', value)}
      />

      <button type="submit" class="primary" data-testid="save-settings" disabled={busy}>
        {busy ? 'Working…' : 'Save'}
      </button>
      <Status message={message} testId="settings-message" />
    </form>
  );
}
