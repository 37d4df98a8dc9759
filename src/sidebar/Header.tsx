/** The title, the Single link / Batch toggle (FR1) and the way to Settings. */
export type Mode = 'single' | 'batch';

interface Props {
  appName: string;
  spreadsheetName: string;
  mode: Mode;
  onMode: (mode: Mode) => void;
  settingsOpen: boolean;
  onSettings: () => void;
  /** The toggle is hidden while a batch runs or has results to show. */
  showToggle: boolean;
}

export function Header(props: Props) {
  return (
    <header class="header">
      <div class="header-row">
        <h1>{props.appName}</h1>
        <button
          type="button"
          class="link-button"
          data-testid="settings-toggle"
          aria-pressed={props.settingsOpen}
          onClick={props.onSettings}
        >
          {props.settingsOpen ? 'Close settings' : 'Settings'}
        </button>
      </div>
      <p class="muted small">
        Connected to <strong data-testid="spreadsheet-name">{props.spreadsheetName}</strong>
      </p>
      {props.showToggle && !props.settingsOpen ? (
        <>
          <fieldset class="toggle" data-testid="mode-toggle" aria-describedby="mode-hint">
            <legend class="visually-hidden">Run mode</legend>
            {(['single', 'batch'] as const).map((mode) => (
              <label key={mode} class={props.mode === mode ? 'toggle-option selected' : 'toggle-option'}>
                <input
                  type="radio"
                  name="mode"
                  value={mode}
                  checked={props.mode === mode}
                  onChange={() => props.onMode(mode)}
                />
                {mode === 'single' ? 'Single link' : 'Batch'}
              </label>
            ))}
          </fieldset>
          <p class="muted small" id="mode-hint" data-testid="mode-hint">
            {props.mode === 'single'
              ? 'Single link: one link runs at once and its slides show here.'
              : 'Batch: every ready row of the Batch sheet runs, up to 100.'}
          </p>
        </>
      ) : null}
    </header>
  );
}
