import { describe, expect, it } from "vitest";
import { approvalAtSignUp, isVerified, mayWorkWithPatients } from "./clinician-approval.ts";

describe("clinician approval", () => {
  it("auto asks every clinician but the installation's first account to wait", () => {
    expect(approvalAtSignUp("auto", 0)).toBe("not_required");
    expect(approvalAtSignUp("auto", 1)).toBe("pending");
    expect(approvalAtSignUp("auto", 500)).toBe("pending");
  });

  it("on always waits, off never does", () => {
    expect(approvalAtSignUp("on", 0)).toBe("pending");
    expect(approvalAtSignUp("off", 3)).toBe("not_required");
  });

  it("only a waiting clinician is kept from patients, only an approved one is verified", () => {
    expect(mayWorkWithPatients("pending")).toBe(false);
    expect(mayWorkWithPatients("approved")).toBe(true);
    expect(mayWorkWithPatients("not_required")).toBe(true);
    expect(mayWorkWithPatients(null)).toBe(true);
    expect(isVerified("approved")).toBe(true);
    expect(isVerified("not_required")).toBe(false);
    expect(isVerified("pending")).toBe(false);
  });
});
