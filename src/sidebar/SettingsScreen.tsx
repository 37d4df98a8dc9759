/** FR9: the Gemini key (masked, validated with the exact reason), output format, pace; saved per user. */
import { useState } from 'preact/hooks';
import type { KeyCheckView, SettingsView } from '../shared/rpc';
import type { Settings } from '../shared/settings';
import { errorText } from './format';
import { server } from './rpc';

interface Props {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
}

type Editable = Pick<
  Settings,
  'outputFormat' | 'rowsInProgress' | 'textRequestsPerMinute' | 'imageRequestsPerMinute'
>;

function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onInput: (value: number) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={String(props.value)}
        onInput={(event) => props.onInput(Number(event.currentTarget.value))}
      />
    </div>
  );
}

export function SettingsScreen({ view, onSaved }: Props) {
  const [key, setKey] = useState('');
  const [edits, setEdits] = useState<Editable>({
    outputFormat: view.settings.outputFormat,
    rowsInProgress: view.settings.rowsInProgress,
    textRequestsPerMinute: view.settings.textRequestsPerMinute,
    imageRequestsPerMinute: view.settings.imageRequestsPerMinute,
  });
  const [keyCheck, setKeyCheck] = useState<KeyCheckView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <Name extends keyof Editable>(name: Name, value: Editable[Name]) =>
    setEdits((current) => ({ ...current, [name]: value }));

  const validate = () => {
    setBusy(true);
    setKeyCheck(null);
    server
      .validateApiKey(key.trim() || undefined)
      .then(setKeyCheck)
      .catch((failure: unknown) =>
        setKeyCheck({ ok: false, message: errorText(failure), textModels: [], imageModels: [] }),
      )
      .finally(() => setBusy(false));
  };

  const save = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    server
      .saveSettings({ settings: edits, apiKey: key.trim() || undefined })
      .then((result) => {
        if (result.keyCheck) setKeyCheck(result.keyCheck);
        if (result.ok) {
          setKey('');
          setMessage({ ok: true, text: 'Settings saved.' });
          onSaved(result.view);
        } else setMessage({ ok: false, text: result.message });
      })
      .catch((failure: unknown) => setMessage({ ok: false, text: errorText(failure) }))
      .finally(() => setBusy(false));
  };

  return (
    <form class="card" aria-labelledby="settings-title" data-testid="settings-screen" onSubmit={save}>
      <h2 id="settings-title">Settings</h2>
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
          onInput={(event) => setKey(event.currentTarget.value)}
        />
        <button type="button" data-testid="validate-key" disabled={busy} onClick={validate}>
          Validate
        </button>
        {keyCheck ? (
          <p class={keyCheck.ok ? 'ok' : 'error'} role="status" data-testid="key-check">
            {keyCheck.ok ? '✅ ' : '❌ '}
            {keyCheck.message}
          </p>
        ) : null}
      </div>

      <fieldset class="field">
        <legend>Output format</legend>
        {(['jpeg', 'png'] as const).map((format) => (
          <label key={format} class="inline">
            <input
              type="radio"
              name="output-format"
              value={format}
              checked={edits.outputFormat === format}
              onChange={() => set('outputFormat', format)}
            />
            {format.toUpperCase()}
          </label>
        ))}
      </fieldset>

      <NumberField
        id="rows-in-progress"
        label="Rows in progress at once (1–20)"
        value={edits.rowsInProgress}
        min={1}
        max={20}
        onInput={(value) => set('rowsInProgress', value)}
      />
      <NumberField
        id="text-rpm"
        label="Text requests per minute"
        value={edits.textRequestsPerMinute}
        min={1}
        max={30000}
        onInput={(value) => set('textRequestsPerMinute', value)}
      />
      <NumberField
        id="image-rpm"
        label="Image requests per minute"
        value={edits.imageRequestsPerMinute}
        min={1}
        max={30000}
        onInput={(value) => set('imageRequestsPerMinute', value)}
      />

      <button type="submit" class="primary" data-testid="save-settings" disabled={busy}>
        Save
      </button>
      {message ? (
        <p class={message.ok ? 'ok' : 'error'} role="status" data-testid="settings-message">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
