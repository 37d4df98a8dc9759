/** FR4: photo × text variations, with the totals, time and cost of this batch from the last check. */
import type { BatchCheckView } from '../shared/rpc';
import { dollars, duration, plural } from './format';
import { CountSelect } from './CountSelect';

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
        <CountSelect
          label="Photo"
          testId="photo-variations"
          value={photo}
          onChange={(n) => onChange(n, text)}
        />
        <span aria-hidden="true">×</span>
        <CountSelect
          label="Text"
          testId="text-variations"
          value={text}
          onChange={(n) => onChange(photo, n)}
        />
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
