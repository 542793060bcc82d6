import { randomBytes, randomUUID, scryptSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contract, type RouteName } from "../api/contract.ts";
import type { RouteSpec } from "../api/define.ts";
import { insertUser, type Role } from "../db/users.ts";
import {
  ALL_SECTIONS,
  admits,
  CALLERS,
  type Caller,
  expectedStatus,
  type Fresh,
  type MatrixRequest,
  type OwnerRecord,
  ROUTES,
  type RouteRow,
  type Scope,
  type Section,
} from "../testing/authorization-matrix.ts";
import { answersFor, seedPatientRecord } from "../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../testing/test-server.ts";

/**
 * The authorization matrix: every route of the contract, called by every kind of caller about
 * one patient's records (see src/testing/authorization-matrix.ts for the table), over
 * real HTTP on both engines. Each answer must have the expected status; a refusal of a request
 * that names the owner's records must be exactly the answer for records that do not exist; and
 * no answer to anyone but the owner may contain the owner's data beyond what the row allows.
 */

const pgReachable = await isPostgresReachable();
const PASSWORD = "tidal-forest-lamp-42";

type Person = { client: ApiClient; id: string; email: string; password: string };

/** A piece of the owner's data that must not reach callers who may not see its section. */
interface Marker {
  section: Section;
  value: string;
  /** A caller whose own record this is too (a clinician's own care link). */
  alsoOf?: Caller;
}

interface World {
  people: Record<Exclude<Caller, "stranger">, Person>;
  /** The client each caller normally uses (the stranger's has no session). */
  clients: Record<Caller, ApiClient>;
  owner: OwnerRecord;
  markers: Marker[];
  joinCodes: Record<Caller, string>;
  /** Ids of the owner's records that creates could name. */
  recordIds: {
    dose: string;
    assessment: string;
    plan: string;
    product: string;
    customSubstance: string;
  };
  evidenceId: string;
  /** A clinician who redeems fresh invitations, so the owner has live links to revoke. */
  spareClinician: ApiClient;
}

async function ok<T = any>(
  what: string,
  response: Promise<{ status: number; body: T }>,
): Promise<T> {
  const res = await response;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function signIn(server: TestServer, email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  await ok("sign in", client.post("/api/auth/login", { email, password }));
  return client;
}

/**
 * A password hash with a small scrypt cost: verification reads the cost from the stored hash, so
 * sign-in and account deletion check these passwords in a millisecond instead of ~100 ms each.
 */
function cheapHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 });
  return ["scrypt", 1024, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
}
const PASSWORD_HASH = cheapHash(PASSWORD);

/** A new account of a role, signed in through the login route. */
async function newAccount(
  server: TestServer,
  role: Role,
  displayName: string,
  approval: "pending" | null = null,
): Promise<Person> {
  const id = randomUUID();
  const email = `${role}-${id}@example.org`;
  await insertUser(server.database.db, {
    id,
    email,
    passwordHash: PASSWORD_HASH,
    role,
    displayName,
    timeZone: "UTC",
    now: server.clock.now(),
    approval,
  });
  return { client: await signIn(server, email, PASSWORD), id, email, password: PASSWORD };
}

async function invite(patient: ApiClient, scopes: string[], maySetPlans: boolean) {
  return ok<{ id: string; code: string }>(
    "invite",
    patient.post("/api/care/invitations", { scopes, maySetPlans }),
  );
}

async function join(clinician: ApiClient, code: string): Promise<string> {
  return (await ok("join", clinician.post("/api/care/join", { code }))).link.id;
}

/** The owner, their record, and every other caller in its relationship to them. */
async function buildWorld(server: TestServer): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const owner = await newAccount(server, "patient", `Owner ${tag}`);
  const people: World["people"] = {
    owner,
    otherPatient: await newAccount(server, "patient", "Other patient"),
    consenting: await newAccount(server, "clinician", "Dr Consenting"),
    narrow: await newAccount(server, "clinician", "Dr Narrow"),
    nonConsenting: await newAccount(server, "clinician", "Dr Stranger"),
    revoked: await newAccount(server, "clinician", "Dr Revoked"),
    unverified: await newAccount(server, "clinician", "Dr Unverified", "pending"),
    admin: await newAccount(server, "admin", "Admin"),
  };
  const spareClinician = (await newAccount(server, "clinician", "Dr Spare")).client;
  const o = owner.client;

  const record = await seedPatientRecord(o, server.clock.now());
  const productId = randomUUID();
  const productName = `Caps ${tag}`;
  await ok(
    "product",
    o.post("/api/products", {
      id: productId,
      vendor: "Acme",
      name: productName,
      form: "capsules",
      gramsPerCapsule: 0.5,
    }),
  );
  const customSubstanceId = randomUUID();
  const customName = `Tea ${tag}`;
  await ok(
    "custom substance",
    o.post("/api/custom-substances", { id: customSubstanceId, name: customName, classId: null }),
  );

  const all = ["doses", "assessments", "notes", "products"];
  const consentingInvite = await invite(o, all, true);
  const consentingLink = await join(people.consenting.client, consentingInvite.code);
  const narrowInvite = await invite(o, ["assessments"], false);
  const narrowLink = await join(people.narrow.client, narrowInvite.code);
  const revokedInvite = await invite(o, all, true);
  const revokedLink = await join(people.revoked.client, revokedInvite.code);
  await ok("revoke", o.delete(`/api/care/links/${revokedLink}`));
  const unverifiedInvite = await invite(o, all, true);
  const unverifiedLink = await join(people.unverified.client, unverifiedInvite.code);
  const pending = await invite(o, ["doses"], false);

  const noteId = randomUUID();
  const noteBody = `Note ${tag}`;
  await ok(
    "note",
    people.consenting.client.post(`/api/clinician/patients/${owner.id}/notes`, {
      id: noteId,
      body: noteBody,
    }),
  );

  const evidence = await ok("evidence", new ApiClient(server.baseUrl).get("/api/evidence"));

  // When the owner took each dose and each check-in (a time both share tells neither apart).
  const times = async (path: string, key: string) =>
    ((await ok(path, o.get(path)))[key] as { takenAt: string }[]).map((r) => r.takenAt);
  const allDoseTimes = await times("/api/ingestions", "ingestions");
  const allCheckInTimes = await times("/api/assessments", "assessments");
  const doseTimes = allDoseTimes.filter((t) => !allCheckInTimes.includes(t));
  const checkInTimes = allCheckInTimes.filter((t) => !allDoseTimes.includes(t));

  const markers: Marker[] = [
    { section: "identity", value: owner.id },
    { section: "contact", value: owner.email },
    { section: "contact", value: `Owner ${tag}` },
    ...record.doseIds.map((value): Marker => ({ section: "doses", value })),
    { section: "doses", value: customSubstanceId },
    { section: "doses", value: customName },
    { section: "products", value: productId },
    { section: "products", value: productName },
    ...doseTimes.map((value): Marker => ({ section: "doses", value })),
    ...record.assessmentIds.map((value): Marker => ({ section: "assessments", value })),
    ...checkInTimes.map((value): Marker => ({ section: "assessments", value })),
    { section: "plans", value: record.planId },
    { section: "notes", value: noteId },
    { section: "notes", value: noteBody },
    { section: "care", value: consentingLink, alsoOf: "consenting" },
    { section: "care", value: narrowLink, alsoOf: "narrow" },
    { section: "care", value: revokedLink, alsoOf: "revoked" },
    { section: "care", value: unverifiedLink, alsoOf: "unverified" },
    { section: "care", value: pending.id },
  ];

  const clients = Object.fromEntries(
    Object.entries(people).map(([caller, person]) => [caller, person.client]),
  ) as Record<Caller, ApiClient>;
  clients.stranger = new ApiClient(server.baseUrl);

  // A clinician re-sends the code it redeemed; anyone else a code someone else used.
  const joinCodes = Object.fromEntries(CALLERS.map((c) => [c, consentingInvite.code])) as Record<
    Caller,
    string
  >;
  joinCodes.narrow = narrowInvite.code;
  joinCodes.revoked = revokedInvite.code;
  joinCodes.unverified = unverifiedInvite.code;

  return {
    people,
    clients,
    owner: {
      patientId: owner.id,
      planId: record.planId,
      doseId: record.doseIds[0] ?? "",
      productId,
      redFlagCheckInId: record.redFlagCheckInId,
    },
    markers,
    joinCodes,
    recordIds: {
      dose: record.doseIds[0] ?? "",
      assessment: record.assessmentIds[0] ?? "",
      plan: record.planId,
      product: productId,
      customSubstance: customSubstanceId,
    },
    evidenceId: evidence.claims[0].id,
    spareClinician,
  };
}

/** Records and sessions made for one request of one caller. */
function freshFor(server: TestServer, world: World, caller: Caller): Fresh {
  const o = world.people.owner.client;
  const mark = (section: Section, value: string) => {
    world.markers.push({ section, value });
    return value;
  };
  return {
    dose: async () => {
      const id = randomUUID();
      await ok(
        "fresh dose",
        o.post("/api/ingestions", {
          id,
          substance: "kratom-leaf",
          amount: 1,
          unit: "g",
          takenAt: new Date(server.clock.now().getTime() - 3_600_000).toISOString(),
        }),
      );
      return mark("doses", id);
    },
    plan: async () => {
      const id = randomUUID();
      await ok(
        "fresh plan",
        o.post("/api/plans", {
          id,
          definition: {
            kind: "titration",
            substanceId: "magnesium-oxide",
            unit: "mg",
            startDate: server.clock.now().toISOString().slice(0, 10),
            startAmountPerDay: 100,
            step: { kind: "amount", amount: 50 },
            stepLengthDays: 7,
            limitAmountPerDay: 400,
          },
        }),
      );
      return mark("plans", id);
    },
    product: async () => {
      const id = randomUUID();
      await ok(
        "fresh product",
        o.post("/api/products", { id, vendor: "Acme", name: "Powder", form: "leaf-powder" }),
      );
      return mark("products", id);
    },
    invitation: async () => mark("care", (await invite(o, ["notes"], false)).id),
    link: async () => {
      const { code } = await invite(o, ["notes"], false);
      return mark("care", await join(world.spareClinician, code));
    },
    session: async () => {
      if (caller === "stranger") return new ApiClient(server.baseUrl);
      const person = world.people[caller];
      return signIn(server, person.email, person.password);
    },
    account: async () => {
      const role: Role =
        caller === "admin"
          ? "admin"
          : caller === "owner" || caller === "otherPatient"
            ? "patient"
            : "clinician";
      const person = await newAccount(server, role, "Fresh");
      return { client: person.client, email: person.email, password: person.password };
    },
  };
}

/** The same fresh records as ids no record has: the "missing record" twin of a request. */
function ghostFresh(real: Fresh): Fresh {
  const id = async () => randomUUID();
  return { ...real, dose: id, plan: id, product: id, invitation: id, link: id };
}

const textOf = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body ?? ""));
const requestText = (req: MatrixRequest) => `${req.path} ${JSON.stringify(req.body ?? null)}`;

describe.each(engines)("authorization matrix on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let world: World;
  let ghostOwner: OwnerRecord;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    world = await buildWorld(server);
    ghostOwner = {
      patientId: randomUUID(),
      planId: randomUUID(),
      doseId: randomUUID(),
      productId: randomUUID(),
      redFlagCheckInId: randomUUID(),
    };
  });
  afterAll(async () => server?.close());

  function scope(caller: Caller, ghost: boolean): Scope {
    const person = caller === "stranger" ? undefined : world.people[caller];
    const fresh = freshFor(server, world, caller);
    const now = server.clock.now();
    return {
      caller,
      ghost,
      owner: ghost ? ghostOwner : world.owner,
      today: now.toISOString().slice(0, 10),
      now,
      credentials: person
        ? { email: person.email, password: person.password }
        : { email: `nobody-${randomUUID()}@example.org`, password: "not-anyones-password-1" },
      joinCode: world.joinCodes[caller],
      evidenceId: world.evidenceId,
      fresh: ghost ? ghostFresh(fresh) : fresh,
    };
  }

  async function send(caller: Caller, spec: RouteSpec, req: MatrixRequest) {
    const client = req.client ?? world.clients[caller];
    return client.request(spec.method, req.path, req.body);
  }

  /** What is wrong with one caller's answer, if anything. */
  async function problemsOf(name: RouteName, caller: Caller): Promise<string[]> {
    const problems: string[] = [];
    const spec: RouteSpec = contract[name];
    const row: RouteRow = ROUTES[name];
    const req = await row.request(scope(caller, false));
    const res = await send(caller, spec, req);
    const expected = expectedStatus(spec.access, row, caller);
    const said = `${caller}: ${res.status}`;
    if (res.status !== expected) {
      problems.push(`${said}, expected ${expected}: ${textOf(res.body).slice(0, 300)}`);
      return problems;
    }
    if (res.status >= 400 && typeof res.body?.error?.code !== "string") {
      problems.push(`${said} without an { error: { code } } body: ${textOf(res.body)}`);
    }
    // A refusal about the owner's records must not tell them apart from records that do not exist.
    if (caller !== "owner" && (res.status === 400 || res.status === 404)) {
      const twin = await row.request(scope(caller, true));
      if (requestText(twin) !== requestText(req)) {
        const missing = await send(caller, spec, twin);
        if (missing.status !== res.status || textOf(missing.body) !== textOf(res.body)) {
          problems.push(
            `${said} ${textOf(res.body)} differs from the answer for a missing record: ` +
              `${missing.status} ${textOf(missing.body)}`,
          );
        }
      }
    }
    if (caller !== "owner") {
      for (const leak of leaksIn(res.body, req, caller, row.sees?.[caller] ?? [])) {
        problems.push(`${said} leaks ${leak}`);
      }
    }
    return problems;
  }

  /** The owner's data in a body, beyond the allowed sections and what the request itself sent. */
  function leaksIn(
    body: unknown,
    req: MatrixRequest,
    caller: Caller,
    allowed: readonly Section[],
  ): string[] {
    const sent = requestText(req);
    const text = textOf(body);
    return world.markers
      .filter((m) => !allowed.includes(m.section) && m.alsoOf !== caller)
      .filter((m) => !sent.includes(m.value))
      .filter((m) => text.includes(m.value))
      .map((m) => `the owner's ${m.section} (${m.value})`);
  }

  it("has one row for every route of the contract, and none for a route it lacks", () => {
    const routes = Object.keys(contract).sort();
    const rows = Object.keys(ROUTES).sort();
    expect({
      withoutRow: routes.filter((name) => !rows.includes(name)),
      withoutRoute: rows.filter((name) => !routes.includes(name)),
    }).toEqual({ withoutRow: [], withoutRoute: [] });
    expect(routes.length).toBeGreaterThan(60);
  });

  it("types no status for a caller the route's access already refuses", () => {
    // Those answers are 401/403 from `access`; a row saying otherwise would be ignored.
    const stray = Object.entries(ROUTES).flatMap(([name, row]) =>
      Object.keys(row.admitted ?? {})
        .filter((caller) => !admits(contract[name as RouteName].access, caller as Caller))
        .map((caller) => `${name}: ${caller}`),
    );
    expect(stray).toEqual([]);
  });

  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const { method, path } = contract[name];
    it.skipIf(skip)(`${name} (${method} ${path})`, async () => {
      const problems: string[] = [];
      for (const caller of CALLERS) problems.push(...(await problemsOf(name, caller)));
      expect(problems).toEqual([]);
    });
  }

  it.skipIf(skip)(
    "refuses another patient's create that reuses an id of the owner's records, changing nothing",
    async () => {
      // Ids are made by clients, so a create names an id; one the owner's record has is a
      // conflict for anyone else, never a retry that answers with (or overwrites) that record.
      const owner = world.clients.owner;
      const takenAt = new Date(server.clock.now().getTime() - 60_000).toISOString();
      const ids = world.recordIds;
      const ownerView = async () =>
        Promise.all(
          [
            `/api/ingestions/${ids.dose}`,
            `/api/plans/${ids.plan}`,
            `/api/products/${ids.product}`,
            "/api/assessments",
            "/api/custom-substances",
          ].map(async (path) => (await owner.get(path)).body),
        );
      const before = await ownerView();
      const attempts: MatrixRequest[] = [
        {
          path: "/api/ingestions",
          body: { id: ids.dose, substance: "kratom-leaf", amount: 9, unit: "g", takenAt },
        },
        {
          path: "/api/assessments",
          body: {
            id: ids.assessment,
            instrument: "sows-gossop",
            answers: answersFor("sows-gossop", () => 3),
            takenAt,
          },
        },
        {
          path: "/api/plans",
          body: {
            id: ids.plan,
            definition: {
              kind: "taper",
              substanceId: "kratom-leaf",
              unit: "g",
              startDate: takenAt.slice(0, 10),
              startAmountPerDay: 20,
              step: { kind: "percent", percent: 5 },
              stepLengthDays: 7,
              limitAmountPerDay: 1,
            },
          },
        },
        {
          path: "/api/products",
          body: { id: ids.product, vendor: "X", name: "Y", form: "extract" },
        },
        {
          path: "/api/custom-substances",
          body: { id: ids.customSubstance, name: "Z", classId: null },
        },
      ];
      const answers = [];
      for (const req of attempts) {
        const res = await world.clients.otherPatient.post(req.path, req.body);
        answers.push([
          req.path,
          res.status,
          res.body?.error?.code,
          leaksIn(res.body, req, "otherPatient", []),
        ]);
      }
      expect(answers).toEqual(attempts.map((a) => [a.path, 409, "id_conflict", []]));
      expect(await ownerView()).toEqual(before);
    },
  );

  it.skipIf(skip)(
    "looks for markers of every section that the owner's own export shows",
    async () => {
      // The leak check is only as good as its markers: every section has some, and each is
      // written in the owner's export exactly as the check looks for it.
      const sections = new Set(world.markers.map((m) => m.section));
      expect([...sections].sort()).toEqual([...ALL_SECTIONS].sort());
      const csv = await world.clients.owner.get("/api/export/csv");
      expect(csv.status).toBe(200);
      expect(world.markers.filter((m) => !csv.body.includes(m.value))).toEqual([]);
    },
  );
});
