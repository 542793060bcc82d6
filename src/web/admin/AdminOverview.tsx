import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { type Overview, ROLE_LABELS, type Role } from "./types.ts";

const ROLES: Role[] = ["patient", "clinician", "admin"];
const ENGINE_LABELS: Record<Overview["database"]["engine"], string> = {
  sqlite: "SQLite (embedded)",
  postgres: "PostgreSQL",
};

/** Accounts by role, the installation, how to back it up, and the knowledge files in use. */
export function AdminOverview({ overview }: { overview: Overview }) {
  return (
    <div className="admin-overview">
      <section className="card" aria-labelledby="admin-accounts-heading">
        <h2 id="admin-accounts-heading">Accounts</h2>
        <dl className="admin-counts" data-testid="admin-counts">
          {ROLES.map((role) => (
            <div key={role}>
              <dt>{ROLE_LABELS[role]}s</dt>
              <dd>{overview.users[role]}</dd>
            </div>
          ))}
          <div>
            <dt>Total</dt>
            <dd>{overview.users.total}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="admin-install-heading">
        <h2 id="admin-install-heading">Installation and backups</h2>
        <dl className="admin-facts">
          <div>
            <dt>Mitra version</dt>
            <dd>{overview.version}</dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>{ENGINE_LABELS[overview.database.engine]}</dd>
          </div>
        </dl>
        <h3>Back up</h3>
        <p className="small muted">Run on the server:</p>
        <pre className="admin-command">
          <code>{overview.backup.command}</code>
        </pre>
        <p className="small">{overview.backup.advice}</p>
      </section>

      <section className="card" aria-labelledby="admin-knowledge-heading">
        <h2 id="admin-knowledge-heading">Knowledge base</h2>
        <div className="table-scroll">
          <table className="plan-table">
            <caption className="visually-hidden">
              Knowledge files, their version and when they were last checked
            </caption>
            <ColumnHeads columns={["File", "Version", "Checked"]} />
            <tbody>
              {overview.knowledge.files.map((f) => (
                <tr key={f.file}>
                  <th scope="row" className="admin-cell-name">
                    {f.file.replace(/\.json$/, "")}
                  </th>
                  <td>{f.version}</td>
                  <td className="nowrap">{f.as_of}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
