/** One labelled field of the All claims view's filter bar: a text, search or date input, or a select with its options. */

export interface FilterOption {
  value: string;
  label: string;
}

interface Common {
  /** The visible label. */
  label: string;
  /** The accessible name (what tests and screen readers use). */
  name: string;
  value: string;
  onChange(value: string): void;
  className?: string;
}

type Props = Common & ({ type: 'text' | 'search' | 'date'; placeholder?: string; autoFocus?: boolean } | { options: readonly FilterOption[] });

export function FilterField(props: Props) {
  const { label, name, value, onChange, className } = props;
  return (
    <label className={className ? `fm-field ${className}` : 'fm-field'}>
      <span>{label}</span>
      {'options' in props ? (
        <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={name}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          type={props.type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-label={name}
          placeholder={props.placeholder}
          {...(props.autoFocus ? { 'data-autofocus': true } : {})}
        />
      )}
    </label>
  );
}
