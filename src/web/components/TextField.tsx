import type { InputHTMLAttributes } from "react";
import { Field } from "./Field.tsx";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Called with the text after each change (with onChange, after it). */
  onValue?: (value: string) => void;
}

/** A field of text held by its form: the text, what to call with a new one, its error. */
export interface TextValueProps {
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

/** A labelled input whose hint and error are announced to screen readers. */
export function TextField({ label, hint, error, onValue, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          {...input}
          onChange={(e) => {
            onChange?.(e);
            onValue?.(e.target.value);
          }}
        />
      )}
    </Field>
  );
}
