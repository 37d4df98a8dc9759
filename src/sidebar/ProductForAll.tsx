/** Products › the same product for every row (FR3.5): one photo and one description into empty cells. */
import { useState } from 'preact/hooks';
import type { ProductPhotoView } from '../shared/rpc';
import { errorText } from './format';
import { server } from './rpc';

const PASTE = '__paste__';
const WIDE = { width: '100%', boxSizing: 'border-box' } as const;

interface Props {
  /** Photos from the folder matched above or uploaded, to pick from. */
  photos: ProductPhotoView[];
  disabled: boolean;
  onApplied: () => void;
}

export function ProductForAll({ photos, disabled, onApplied }: Props) {
  const [choice, setChoice] = useState('');
  const [link, setLink] = useState('');
  const [description, setDescription] = useState('');
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Replacing overwrites what every row has: asked once more before it is done. */
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const pasting = photos.length === 0 || choice === PASTE;
  const chosen = photos.find((photo) => photo.fileId === choice);
  const photo = pasting ? link.trim() : (chosen?.url ?? '');
  const nothing = photo === '' && description.trim() === '';

  const apply = () => {
    setConfirming(false);
    setBusy(true);
    setResult(null);
    server
      .applyProductToAll({ photo, description, replaceExisting: replace })
      .then((answer) => {
        setResult({ ok: answer.ok, text: answer.message });
        if (answer.ok) onApplied();
      })
      .catch((failure: unknown) => setResult({ ok: false, text: errorText(failure) }))
      .finally(() => setBusy(false));
  };

  return (
    <section class="card" aria-labelledby="for-all-title" data-testid="product-for-all">
      <h2 id="for-all-title">Same product for every row</h2>
      <p class="muted small">
        Fills the empty Product photo and Product description cells of every row in the Batch sheet.
      </p>
      {photos.length > 0 ? (
        <div class="field">
          <label for="for-all-photo">Photo</label>
          <select
            id="for-all-photo"
            data-testid="for-all-photo"
            style={WIDE}
            value={choice}
            onChange={(event) => setChoice(event.currentTarget.value)}
          >
            <option value="">No photo (keep the rows' photos)</option>
            {photos.map((option) => (
              <option key={option.fileId} value={option.fileId}>
                {option.name}
              </option>
            ))}
            <option value={PASTE}>A Drive link I paste…</option>
          </select>
        </div>
      ) : null}
      {pasting ? (
        <div class="field">
          <label for="for-all-link">
            {photos.length > 0 ? 'Photo link' : 'Photo: a Google Drive link to the image'}
          </label>
          <input
            id="for-all-link"
            data-testid="for-all-link"
            type="text"
            style={WIDE}
            placeholder="https://drive.google.com/file/d/…"
            value={link}
            onInput={(event) => setLink(event.currentTarget.value)}
          />
        </div>
      ) : null}
      <div class="field">
        <label for="for-all-description">Product description</label>
        <textarea
          id="for-all-description"
          data-testid="for-all-description"
          rows={3}
          style={WIDE}
          placeholder="What the product is and what matters about it"
          value={description}
          onInput={(event) => setDescription(event.currentTarget.value)}
        />
      </div>
      <label class="small">
        <input
          type="checkbox"
          data-testid="for-all-replace"
          checked={replace}
          onChange={(event) => {
            setReplace(event.currentTarget.checked);
            setConfirming(false);
          }}
        />{' '}
        Also replace what rows already have
      </label>
      <button
        type="button"
        class="primary"
        style={{ marginTop: '8px' }}
        data-testid="for-all-apply"
        disabled={disabled || busy || nothing}
        onClick={() => (replace ? setConfirming(true) : apply())}
      >
        {busy ? 'Writing…' : 'Apply to every row'}
      </button>
      {confirming ? (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="for-all-confirm"
          data-testid="for-all-confirm"
        >
          <p id="for-all-confirm" style={{ marginTop: 0 }}>
            This overwrites the {photo !== '' ? 'photo' : ''}
            {photo !== '' && description.trim() !== '' ? ' and ' : ''}
            {description.trim() !== '' ? 'description' : ''} of every row, also those you filled yourself.
          </p>
          <button type="button" class="danger" data-testid="for-all-confirm-yes" onClick={apply}>
            Yes, replace
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      {result ? (
        <p class={result.ok ? 'ok' : 'error'} role="status" data-testid="for-all-result">
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
