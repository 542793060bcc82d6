import type { SelectHTMLAttributes } from "react";
import { Field } from "./Field.tsx";
import { Options } from "./Options.tsx";

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
          <Options options={options} />
        </select>
      )}
    </Field>
  );
}
