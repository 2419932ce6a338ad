/** A group of radio buttons under its legend: controlled with `value`, or left to the form. */
export function Choices<V extends string>(props: {
  legend: string;
  name: string;
  options: { value: V; label: string }[];
  value?: V;
  onChange?: (value: V) => void;
  defaultValue?: V;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            {...(props.value !== undefined
              ? { checked: props.value === o.value, onChange: () => props.onChange?.(o.value) }
              : { defaultChecked: props.defaultValue === o.value })}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
