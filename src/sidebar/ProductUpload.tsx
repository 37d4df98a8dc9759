/**
 * Products › Upload from the computer: the chosen photos go one per server call (base64, at most 10 MB
 * each) into a new Drive folder the add-on makes, with each file's progress shown; the folder is then
 * matched like any other.
 */
import { useRef, useState } from 'preact/hooks';
import type { ProductFolderView, ProductPhotoView } from '../shared/rpc';
import { MAX_UPLOAD_BYTES, megabytesText, uploadRefusal } from '../shared/product-photos';
import { errorText, safeUrl } from './format';
import { server } from './rpc';

type EntryState = 'waiting' | 'uploading' | 'done' | 'failed' | 'refused';

interface Entry {
  key: number;
  name: string;
  size: number;
  state: EntryState;
  message: string | null;
}

interface Props {
  disabled: boolean;
  onUploaded: (folder: ProductFolderView, photos: ProductPhotoView[]) => void;
}

const ICONS: Record<EntryState, string> = {
  waiting: '⏳',
  uploading: '⬆️',
  done: '✅',
  failed: '❌',
  refused: '❌',
};

const STATE_TEXT: Record<EntryState, string> = {
  waiting: 'waiting',
  uploading: 'uploading…',
  done: 'uploaded',
  failed: 'not uploaded',
  refused: 'not uploaded',
};

/** "850 KB", "3.4 MB": a photo's size as people read it. */
function sizeText(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} KB` : megabytesText(bytes);
}

/** The file's bytes as base64, without the `data:…;base64,` prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = String(reader.result ?? '');
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read from your computer.`));
    reader.readAsDataURL(file);
  });
}

export function ProductUpload({ disabled, onUploaded }: Props) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [folder, setFolder] = useState<ProductFolderView | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const files = useRef(new Map<number, File>());
  const uploaded = useRef(new Map<number, ProductPhotoView>());
  const nextKey = useRef(1);

  const update = (key: number, change: Partial<Entry>) =>
    setEntries((current) => current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));

  /** Uploads the given entries one after the other into `target`, then reports every uploaded photo. */
  const upload = async (target: ProductFolderView, keys: number[]) => {
    for (const key of keys) {
      const file = files.current.get(key);
      if (!file) continue;
      update(key, { state: 'uploading', message: null });
      try {
        const base64 = await readBase64(file);
        const result = await server.uploadProductPhoto({ folderId: target.id, name: file.name, base64 });
        if (result.ok) {
          uploaded.current.set(key, result.photo);
          update(key, { state: 'done', message: result.reused ? 'already in the folder' : null });
        } else update(key, { state: 'failed', message: result.message });
      } catch (failure) {
        update(key, { state: 'failed', message: errorText(failure) });
      }
    }
    onUploaded(target, [...uploaded.current.values()]);
  };

  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    if (chosen.length === 0) return;
    files.current.clear();
    uploaded.current.clear();
    setError(null);
    const fresh: Entry[] = chosen.map((file) => {
      const key = nextKey.current++;
      files.current.set(key, file);
      const refusal = uploadRefusal(file.name, file.size, file.type || null);
      return {
        key,
        name: file.name,
        size: file.size,
        state: refusal ? 'refused' : 'waiting',
        message: refusal,
      };
    });
    setEntries(fresh);
    const keys = fresh.filter((entry) => entry.state === 'waiting').map((entry) => entry.key);
    if (keys.length === 0) return;
    setRunning(true);
    try {
      // A new folder for every choice of photos: the photos chosen together are matched together.
      const made = await server.startProductUpload();
      if (!made.ok) {
        setError(made.message);
        keys.forEach((key) => update(key, { state: 'failed', message: null }));
        return;
      }
      setFolder(made.folder);
      await upload(made.folder, keys);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setRunning(false);
    }
  };

  const retry = async () => {
    if (!folder) return;
    const keys = entries.filter((entry) => entry.state === 'failed').map((entry) => entry.key);
    setRunning(true);
    setError(null);
    try {
      await upload(folder, keys);
    } finally {
      setRunning(false);
    }
  };

  const total = entries.filter((entry) => entry.state !== 'refused').length;
  const finished = entries.filter((entry) => entry.state === 'done' || entry.state === 'failed').length;
  const current = entries.find((entry) => entry.state === 'uploading');
  const failed = entries.filter((entry) => entry.state === 'failed').length;
  const folderLink = folder ? safeUrl(folder.url) : null;

  return (
    <div class="field" data-testid="product-upload">
      <label for="product-files">Or upload photos from your computer</label>
      <p class="muted small">
        JPEG, PNG, WebP or HEIC, up to {megabytesText(MAX_UPLOAD_BYTES)} each. They go into a new folder in
        your Drive, <em>Slideshow Remix product photos</em>, and are matched like the folder above.
      </p>
      <input
        id="product-files"
        data-testid="product-files"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
        disabled={disabled || running}
        onChange={(event) => void choose(event)}
      />
      {entries.length > 0 ? (
        <>
          <p class="small" aria-live="polite" data-testid="upload-progress">
            {running && current
              ? `Uploading ${Math.min(finished + 1, total)} of ${total}: ${current.name}`
              : `${entries.filter((entry) => entry.state === 'done').length} of ${entries.length} uploaded`}
            {folderLink && folder ? (
              <>
                {' '}
                into{' '}
                <a href={folderLink} target="_blank" rel="noopener noreferrer">
                  {folder.name}
                </a>
              </>
            ) : null}
          </p>
          <ul
            class="row-list small"
            data-testid="upload-list"
            style={{ maxHeight: '160px', overflowY: 'auto' }}
          >
            {entries.map((entry) => (
              <li key={entry.key} data-state={entry.state}>
                <span aria-hidden="true">{ICONS[entry.state]}</span>{' '}
                {entry.state === 'refused' ? (
                  <span class="error">{entry.message}</span>
                ) : (
                  <>
                    {entry.name} ({sizeText(entry.size)}): {STATE_TEXT[entry.state]}
                    {entry.message ? (
                      <span class={entry.state === 'done' ? 'muted' : 'error'}> — {entry.message}</span>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
          {!running && failed > 0 && folder ? (
            <button type="button" data-testid="retry-uploads" onClick={() => void retry()}>
              Try the {failed === 1 ? 'failed photo' : `${failed} failed photos`} again
            </button>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
