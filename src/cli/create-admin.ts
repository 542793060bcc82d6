import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { emailSchema } from "../api/auth.ts";
import { insertUser } from "../db/users.ts";
import { hashPassword, passwordProblem } from "../server/auth/passwords.ts";
import type { Config } from "../server/config.ts";
import { openMigratedDatabase } from "./serve.ts";

/**
 * Makes an administrator. The password comes from MITRA_ADMIN_PASSWORD or is asked for on the
 * terminal, so it never lands in shell history as an argument.
 */
export async function createAdmin(config: Config, emailArg: string | undefined): Promise<void> {
  const email = emailSchema.safeParse(emailArg ?? "");
  if (!email.success) throw new Error("usage: mitra create-admin EMAIL (a valid email address)");
  let password = process.env.MITRA_ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question("Password for the administrator: ");
    rl.close();
  }
  const problem = passwordProblem(password, email.data);
  if (problem) throw new Error(`password refused: ${problem}`);
  const database = await openMigratedDatabase(config);
  try {
    const created = await insertUser(database.db, {
      id: randomUUID(),
      email: email.data,
      passwordHash: await hashPassword(password),
      role: "admin",
      displayName: "Administrator",
      timeZone: "UTC",
      now: new Date(),
    });
    if (!created) throw new Error(`an account with ${email.data} already exists`);
    console.log(`Administrator ${email.data} created.`);
  } finally {
    await database.close();
  }
}
