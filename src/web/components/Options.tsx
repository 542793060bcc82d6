/** A select's options, in the order given. */
export function Options({
  options,
}: {
  options: readonly { value: string | number; label: string }[];
}) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
