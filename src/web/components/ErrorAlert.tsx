/**
 * An error announced the moment it appears: the form's (`form-error`) or one field's
 * (`field-error`). Nothing when there is no message.
 */
export function ErrorAlert({
  message,
  of = "form",
  id,
}: {
  message: string | null | undefined;
  of?: "form" | "field";
  id?: string;
}) {
  if (!message) return null;
  return (
    <p className={`${of}-error`} id={id} role="alert">
      {message}
    </p>
  );
}
