import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const RUNNING_LINE = /Mitra is running at (http:\/\/\S+)/;

/** A Mitra server started as its own operating-system process (`mitra serve`), as in production. */
export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Resolves when the process has ended, with the signal that ended it (if any). */
  exited: Promise<NodeJS.Signals | null>;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
}

export interface ServerCommand {
  /** The program and its arguments; by default the sources through tsx (no build needed). */
  argv: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Its own process group, so a launcher (npx) and the server it starts can be signalled together. */
  detached?: boolean;
}

const fromSources: ServerCommand = {
  argv: [process.execPath, "--import", "tsx", "src/cli/main.ts", "serve"],
  cwd: repoRoot,
};

/**
 * Starts Mitra's `serve` command (by default `node --import tsx src/cli/main.ts serve`) on a free
 * port over the database at `url`, with no other MITRA_ setting from this environment.
 */
export function startServerProcess(
  url: string,
  timeoutMs = 60_000,
  command: ServerCommand = fromSources,
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("MITRA_")) env[key] = value;
  }
  Object.assign(env, command.env, {
    MITRA_DATABASE_URL: url,
    MITRA_PORT: "0",
    MITRA_LOG_LEVEL: "warn",
  });
  const [program = process.execPath, ...args] = command.argv;
  const child = spawn(program, args, {
    cwd: command.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: command.detached ?? false,
  });
  let out = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = RUNNING_LINE.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ baseUrl: match[1], child, exited, output: () => out });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then((signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was running (signal ${signal}):\n${out}`));
    });
  });
}
