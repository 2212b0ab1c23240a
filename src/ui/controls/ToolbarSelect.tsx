/** One choice of a toolbar select: its value, its text, and the text's language where it differs. */
export interface ToolbarChoice<Value extends string> {
  value: Value;
  label: string;
  lang?: string;
}

/** A labelled select in the masthead's style (the theme and the language). */
export function ToolbarSelect<Value extends string>({
  label,
  value,
  choices,
  onChange,
  testId,
}: {
  label: string;
  value: Value;
  choices: readonly ToolbarChoice<Value>[];
  onChange: (value: Value) => void;
  testId: string;
}) {
  return (
    <label className="toolbar-group theme-switch">
      <span className="toolbar-label">{label}</span>
      <select
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value as Value)}
        data-testid={testId}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
