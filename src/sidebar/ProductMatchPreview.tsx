/** Products › the matching before it is applied: row → photo, rows left without one, photos unused. */
import type { ProductMatchView, ProductPhotoView } from '../shared/rpc';
import { plural, safeUrl } from './format';
import { server } from './rpc';

const LIST_STYLE = { maxHeight: '180px', overflowY: 'auto' } as const;

function RowButton({ rowId, rowNumber }: { rowId: string; rowNumber: number }) {
  return (
    <button
      type="button"
      class="link-button"
      title="Select this row in the sheet"
      onClick={() => void server.selectRow(rowId).catch(() => undefined)}
    >
      Row {rowNumber}
    </button>
  );
}

function PhotoName({ photo }: { photo: ProductPhotoView }) {
  const url = safeUrl(photo.url);
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" title="Open this photo in Google Drive">
      {photo.name}
    </a>
  ) : (
    <>{photo.name}</>
  );
}

export function ProductMatchPreview({ view }: { view: ProductMatchView }) {
  return (
    <div data-testid="match-preview">
      <p data-testid="match-summary" aria-live="polite">
        <span aria-hidden="true">✅</span> {plural(view.matches.length, 'row')} get a photo
        {view.unmatchedRows.length > 0 ? (
          <>
            {' '}
            <span aria-hidden="true">|</span> <span aria-hidden="true">⚠️</span>{' '}
            {plural(view.unmatchedRows.length, 'row')} without one
          </>
        ) : null}
        {view.unusedPhotos.length > 0 ? (
          <>
            {' '}
            <span aria-hidden="true">|</span> {plural(view.unusedPhotos.length, 'photo')} not used
          </>
        ) : null}
      </p>
      <p class="muted small">
        From <em>{view.folder.name}</em>: {plural(view.photos.length, 'photo')}.
        {view.keptRows > 0
          ? ` ${plural(view.keptRows, 'row')} already ${view.keptRows === 1 ? 'has' : 'have'} a photo and ${view.keptRows === 1 ? 'is' : 'are'} left as ${view.keptRows === 1 ? 'it is' : 'they are'}.`
          : ''}
      </p>
      {view.hint ? (
        <p class="warning" data-testid="match-hint">
          {view.hint}
        </p>
      ) : null}

      {view.matches.length > 0 ? (
        <>
          <h3>Will be written</h3>
          <ul class="row-list" data-testid="match-list" style={LIST_STYLE}>
            {view.matches.map((match) => (
              <li key={match.rowId} data-testid="match-row">
                <RowButton rowId={match.rowId} rowNumber={match.rowNumber} />{' '}
                <span aria-hidden="true">→</span>
                <span class="visually-hidden"> gets </span> <PhotoName photo={match.photo} />
                {match.replaces ? <span class="muted small"> (replaces its photo)</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.unmatchedRows.length > 0 ? (
        <>
          <h3>Rows without a photo</h3>
          <ul class="row-list" data-testid="unmatched-list" style={LIST_STYLE}>
            {view.unmatchedRows.map((row) => (
              <li key={row.rowId}>
                <RowButton rowId={row.rowId} rowNumber={row.rowNumber} />: {row.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.unusedPhotos.length > 0 ? (
        <>
          <h3>Photos not used</h3>
          <ul class="row-list" data-testid="unused-list" style={LIST_STYLE}>
            {view.unusedPhotos.map((photo) => (
              <li key={photo.fileId}>
                <PhotoName photo={photo} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.skippedFiles.length > 0 ? (
        <>
          <h3>Left out of the folder</h3>
          <ul class="row-list small" data-testid="skipped-list" style={LIST_STYLE}>
            {view.skippedFiles.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                {file.name}: {file.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
