import type { SelectHTMLAttributes } from "react";
import { Field } from "./Field.tsx";

interface ChoiceFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string;
  error?: string | undefined;
  options: { value: string; label: string }[];
}

/** A labelled select whose hint and error are tied to it for screen readers. */
export function ChoiceField({ label, hint, error, options, ...select }: ChoiceFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
