import { useState } from "react";

/** Copies `text` to the clipboard and says so (or says to copy it by hand when it cannot). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setSaid("Copied.");
    } catch {
      setSaid("Could not copy here: select the code and copy it by hand.");
    }
  }
  return (
    <p className="copy-button">
      <button type="button" className="button compact" onClick={() => void copy()}>
        {label}
      </button>{" "}
      <span role="status" className="muted small">
        {said}
      </span>
    </p>
  );
}
