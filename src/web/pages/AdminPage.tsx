import { contract } from "../../api/contract.ts";
import { AdminOverview } from "../admin/AdminOverview.tsx";
import { AuditLogTable } from "../admin/AuditLogTable.tsx";
import { PendingClinicians } from "../admin/PendingClinicians.tsx";
import { UserDirectory } from "../admin/UserDirectory.tsx";
import { useRouteQuery } from "../api-client.ts";
import { QueryStatus } from "../components/QueryStatus.tsx";
import { useUser } from "../session/session-context.tsx";
import "../admin/admin.css";

/** Administration: the installation at a glance, the accounts, and the audit log. */
export function AdminPage() {
  const user = useUser();
  if (user.role !== "admin") {
    return (
      <div className="page">
        <header className="page-header">
          <h1>Administration</h1>
        </header>
        <p className="card">This page is for administrator accounts.</p>
      </div>
    );
  }
  return <AdminSections timeZone={user.timeZone} />;
}

function AdminSections({ timeZone }: { timeZone: string }) {
  const overview = useRouteQuery(contract.getAdminOverview);
  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>Administration</h1>
        <p className="lead">
          Clinicians to approve, accounts, backups, the knowledge base version and the audit log.
        </p>
      </header>
      <QueryStatus query={overview} />
      {overview.isSuccess && (
        <PendingClinicians setting={overview.data.clinicianApproval.setting} timeZone={timeZone} />
      )}
      {overview.isSuccess && <AdminOverview overview={overview.data} />}
      <UserDirectory timeZone={timeZone} />
      <AuditLogTable timeZone={timeZone} />
    </div>
  );
}
