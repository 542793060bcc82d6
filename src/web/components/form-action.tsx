import { type FormEvent, useState } from "react";
import { ApiFailure } from "../api.ts";
import { TextField, type TextValueProps } from "./TextField.tsx";

/**
 * A form's submit: clears the last failure, runs `action`, and keeps what it throws as an
 * ApiFailure for the fields (`failure.fieldMessage`) and the form's alert (`FormError`).
 */
export function useFormAction(action: () => Promise<void>) {
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  async function run() {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(ApiFailure.from(error));
    }
  }
  return {
    failure,
    run,
    /** The props of the text field for the request's `field`: its text, its setter, its error. */
    textField: (
      field: string,
      value: string,
      onValue: (value: string) => void,
    ): TextValueProps => ({
      value,
      onValue,
      error: failure?.fieldMessage(field),
    }),
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      void run();
    },
  };
}

/** The error no field shows (a wrong password, a lost connection), announced. */
export function FormError({ failure }: { failure: ApiFailure | null }) {
  const message = failure && failure.fields.length === 0 ? failure.message : null;
  return <div role="alert">{message && <p className="form-error">{message}</p>}</div>;
}

/** A new password, with the advice the server's rule asks for. */
export function NewPasswordField(props: TextValueProps) {
  return (
    <TextField
      label="New password"
      hint="At least 10 characters. A few unrelated words are easy to remember."
      type="password"
      autoComplete="new-password"
      {...props}
    />
  );
}

/** The password the person signs in with now, asked again before a change that matters. */
export function CurrentPasswordField({
  label = "Current password",
  ...props
}: TextValueProps & { label?: string }) {
  return <TextField label={label} type="password" autoComplete="current-password" {...props} />;
}
