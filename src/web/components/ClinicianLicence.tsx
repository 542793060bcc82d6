/**
 * A clinician's licence or role as they entered it, and whether this Mitra's administrator
 * approved the account: Mitra never checks a licence itself, so anything else is "unverified".
 */
export function ClinicianLicence({
  licence,
  verified,
}: {
  licence: string | null;
  verified: boolean;
}) {
  return (
    <p className="small clinician-licence">
      Licence or role, as entered: {licence ? <q>{licence}</q> : "not given"}{" "}
      {verified ? (
        <span className="badge">approved by the administrator</span>
      ) : (
        <span className="badge badge-unverified">unverified</span>
      )}
    </p>
  );
}
