import { Select } from "./input";

export type FilterOption = readonly [value: string, label: string];

/**
 * A compact labelled select for list toolbars. The label is visually hidden (the options
 * name themselves) but always present for screen readers; `allLabel` adds the "no filter"
 * option with the empty value.
 */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
  allLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  allLabel?: string;
}) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <Select
        id={id}
        className="h-9 w-auto min-w-0 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </>
  );
}
