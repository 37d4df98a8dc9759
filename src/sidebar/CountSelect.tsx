/** A labelled 1–10 dropdown: the photo and text variation pickers of the Batch and Single link screens. */
const CHOICES = Array.from({ length: 10 }, (_, index) => index + 1);

interface Props {
  label: string;
  testId: string;
  value: number;
  onChange: (value: number) => void;
}

export function CountSelect({ label, testId, value, onChange }: Props) {
  return (
    <label>
      {label}{' '}
      <select
        data-testid={testId}
        value={String(value)}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      >
        {CHOICES.map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
