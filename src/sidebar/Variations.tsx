/** FR4: photo × text variations, with the totals, time and cost of this batch from the last check. */
import type { BatchCheckView } from '../shared/rpc';
import { dollars, duration, plural } from './format';

const CHOICES = Array.from({ length: 10 }, (_, index) => index + 1);

interface Props {
  photo: number;
  text: number;
  onChange: (photo: number, text: number) => void;
  check: BatchCheckView | null;
  checking: boolean;
}

export function Variations({ photo, text, onChange, check, checking }: Props) {
  const perLink = photo * text;
  const links = check?.readyCount ?? 0;
  return (
    <section class="card" aria-labelledby="variations-title">
      <h2 id="variations-title">Variations</h2>
      <div class="variations">
        <label>
          Photo{' '}
          <select
            data-testid="photo-variations"
            value={String(photo)}
            onChange={(event) => onChange(Number(event.currentTarget.value), text)}
          >
            {CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span aria-hidden="true">×</span>
        <label>
          Text{' '}
          <select
            data-testid="text-variations"
            value={String(text)}
            onChange={(event) => onChange(photo, Number(event.currentTarget.value))}
          >
            {CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span data-testid="per-link">= {perLink} per link</span>
      </div>
      <p data-testid="variation-total">
        Total: {perLink * links} for {plural(links, 'link')}
      </p>
      {check && !checking && check.readyCount > 0 ? (
        <p class="muted" data-testid="estimate">
          Estimated time {duration(check.estimatedSeconds * 1000)} · Gemini cost about{' '}
          {dollars(check.estimatedCostUsd)}
        </p>
      ) : null}
      {checking ? <p class="muted">Updating the estimate…</p> : null}
    </section>
  );
}
