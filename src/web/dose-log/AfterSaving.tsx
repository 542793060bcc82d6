import { Link } from "react-router-dom";

/** Where to go once a dose is saved or kept: log another, back to Today, or (saved) History. */
export function AfterSaving({
  onLogAnother,
  withHistory = false,
}: {
  onLogAnother: () => void;
  withHistory?: boolean;
}) {
  return (
    <div className="button-row">
      <button type="button" className="primary" onClick={onLogAnother}>
        Log another
      </button>
      <Link className="button" to="/today">
        Back to Today
      </Link>
      {withHistory && (
        <Link className="button" to="/history">
          History
        </Link>
      )}
    </div>
  );
}
