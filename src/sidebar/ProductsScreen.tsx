/**
 * FR3, Products: give rows their product photos from a Drive folder (matched by file name or by order,
 * previewed before anything is written), from photos uploaded from the computer, or one product for
 * every row. Everything is written into the Batch sheet, which stays the mapping table.
 */
import { useRef, useState } from 'preact/hooks';
import type {
  ProductApplyResult,
  ProductFolderView,
  ProductMatchMode,
  ProductMatchView,
  ProductPhotoView,
} from '../shared/rpc';
import { ProductForAll } from './ProductForAll';
import { ProductMatchPreview } from './ProductMatchPreview';
import { ProductUpload } from './ProductUpload';
import { errorText, plural } from './format';
import { server } from './rpc';

interface Props {
  onBack: () => void;
}

const MODES: { mode: ProductMatchMode; label: string; rule: string }[] = [
  {
    mode: 'name',
    label: 'By file name',
    rule: 'A photo goes to each row whose Product description contains the photo\'s name: glow-drops.jpg fits "Glow Drops serum, 30 ml" (case, spaces, - and _ do not matter).',
  },
  {
    mode: 'order',
    label: 'By order',
    rule: 'The photos, sorted by name (2 before 10), go one each to the rows without a photo, from the top down.',
  },
];

const WIDE = { width: '100%', boxSizing: 'border-box' } as const;

type Applied = Extract<ProductApplyResult, { ok: true }>;

export function ProductsScreen({ onBack }: Props) {
  const [folderText, setFolderText] = useState('');
  const [mode, setMode] = useState<ProductMatchMode>('name');
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<ProductMatchView | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [uploads, setUploads] = useState<ProductPhotoView[]>([]);
  /** The photos of the folder last previewed, offered for "Same product for every row". */
  const [folderPhotos, setFolderPhotos] = useState<ProductPhotoView[]>([]);
  const latest = useRef(0);

  const runPreview = (folder: string, nextMode: ProductMatchMode, nextReplace: boolean) => {
    const ticket = ++latest.current;
    setBusy('preview');
    setError(null);
    setApplied(null);
    server
      .previewProductMatch({ folder, mode: nextMode, replaceExisting: nextReplace })
      .then((result) => {
        if (ticket !== latest.current) return;
        if (result.ok) {
          setPreview(result);
          setFolderPhotos(result.photos);
        } else {
          setPreview(null);
          setError(result.message);
        }
      })
      .catch((failure: unknown) => {
        if (ticket === latest.current) setError(errorText(failure));
      })
      .finally(() => {
        if (ticket === latest.current) setBusy(null);
      });
  };

  /** A changed choice makes the shown matching stale: show the new one at once. */
  const choose = (nextMode: ProductMatchMode, nextReplace: boolean) => {
    setMode(nextMode);
    setReplace(nextReplace);
    if (preview) runPreview(folderText, nextMode, nextReplace);
  };

  const apply = () => {
    if (!preview) return;
    setBusy('apply');
    setError(null);
    server
      .applyProductMatch({
        assignments: preview.matches.map((match) => ({ rowId: match.rowId, fileId: match.photo.fileId })),
        replaceExisting: preview.replaceExisting,
      })
      .then((result) => {
        if (result.ok) {
          setApplied(result);
          setPreview(null);
        } else setError(result.message);
      })
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setBusy(null));
  };

  const uploaded = (folder: ProductFolderView, photos: ProductPhotoView[]) => {
    setUploads(photos);
    if (photos.length === 0) return;
    setFolderText(folder.url);
    runPreview(folder.url, mode, replace);
  };

  const known = new Map<string, ProductPhotoView>();
  for (const photo of [...folderPhotos, ...uploads]) known.set(photo.fileId, photo);
  const working = busy !== null;

  return (
    <div data-testid="products-screen">
      <div class="header-row" style={{ marginBottom: '8px' }}>
        <h2>Products</h2>
        <button type="button" class="link-button" data-testid="products-back" onClick={onBack}>
          Back to Check
        </button>
      </div>

      <section class="card" aria-labelledby="match-title">
        <h2 id="match-title">Photos from a Drive folder</h2>
        <p class="muted small">
          Put your product photos in one Google Drive folder; each row gets one, written as a link into its
          Product photo cell.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            runPreview(folderText, mode, replace);
          }}
        >
          <div class="field">
            <label for="product-folder">Folder link</label>
            <input
              id="product-folder"
              data-testid="product-folder"
              type="text"
              style={WIDE}
              placeholder="https://drive.google.com/drive/folders/…"
              value={folderText}
              onInput={(event) => {
                setFolderText(event.currentTarget.value);
                setPreview(null);
              }}
            />
          </div>
          <ProductUpload disabled={busy !== null} onUploaded={uploaded} />
          <fieldset class="field">
            <legend>Match photos to rows</legend>
            {MODES.map((option) => (
              <div key={option.mode}>
                <label>
                  <input
                    type="radio"
                    name="match-mode"
                    value={option.mode}
                    data-testid={`match-${option.mode}`}
                    checked={mode === option.mode}
                    onChange={() => choose(option.mode, replace)}
                  />{' '}
                  {option.label}
                </label>
                <p class="muted small" style={{ margin: '0 0 4px 20px' }}>
                  {option.rule}
                </p>
              </div>
            ))}
          </fieldset>
          <label class="small">
            <input
              type="checkbox"
              data-testid="match-replace"
              checked={replace}
              onChange={(event) => choose(mode, event.currentTarget.checked)}
            />{' '}
            Also replace photos rows already have
          </label>
          <button
            type="submit"
            style={{ display: 'block', margin: '8px 0' }}
            data-testid="preview-match"
            disabled={working || folderText.trim() === ''}
          >
            {busy === 'preview' ? 'Reading the folder…' : 'Preview matching'}
          </button>
        </form>

        {preview ? (
          <>
            <ProductMatchPreview view={preview} />
            <button
              type="button"
              class="primary"
              style={{ marginTop: '8px' }}
              data-testid="apply-match"
              disabled={working || preview.matches.length === 0}
              onClick={apply}
            >
              {busy === 'apply'
                ? 'Writing…'
                : preview.matches.length === 0
                  ? 'Nothing to apply'
                  : `Apply to ${plural(preview.matches.length, 'row')}`}
            </button>
          </>
        ) : null}

        {applied ? (
          <div role="status" data-testid="apply-result">
            <p class="ok">{applied.message}</p>
            {applied.skipped.length > 0 ? (
              <ul class="row-list small">
                {applied.skipped.map((entry, index) => (
                  <li key={index}>
                    {entry.rowNumber === null ? 'A row' : `Row ${entry.rowNumber}`}: {entry.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            <p class="muted small">
              Use <em>Back to Check</em> to see which rows are ready now.
            </p>
          </div>
        ) : null}
        {error ? (
          <p class="error" role="alert" data-testid="products-error">
            {error}
          </p>
        ) : null}
      </section>

      <ProductForAll photos={[...known.values()]} disabled={working} onApplied={() => setApplied(null)} />
    </div>
  );
}

/** The way into Products from the Check screen. */
export function ProductsLink({ onOpen }: { onOpen: () => void }) {
  return (
    <section class="card" aria-labelledby="products-link-title" data-testid="products-link">
      <div class="header-row">
        <h2 id="products-link-title">Products</h2>
        <button type="button" data-testid="open-products" onClick={onOpen}>
          Add photos…
        </button>
      </div>
      <p class="muted small" style={{ margin: 0 }}>
        Give rows their product photos from a Drive folder or your computer, or one product to every row.
      </p>
    </section>
  );
}
