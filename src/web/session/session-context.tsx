import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext } from "react";
import { contract } from "../../api/contract.ts";
import type { RouteInput, RouteOutput } from "../../api/define.ts";
import { ApiFailure, rememberCsrfToken } from "../api.ts";
import { callRoute, routeKey } from "../api-client.ts";
import { forgetDeviceKeys, keepDeviceKeyOf } from "../offline/outbox-store.ts";

export type User = RouteOutput<typeof contract.getMe>["user"];

type SignUpInput = RouteInput<typeof contract.register>["body"];

interface SessionState {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signUp(input: SignUpInput): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: User | null): void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The last signed-in person, kept so the app opens offline (from the service worker's copy) and
 * what they log there is kept for them. Forgotten on sign-out and when the server says the
 * session is gone.
 */
const LAST_USER_KEY = "mitra.last-user";

/**
 * The device keeps the key to the entries kept offline of the person the server last confirmed,
 * and nobody else's; signing out forgets it. A session that merely ran out keeps it, so what
 * waits can still be counted and is sent when the same person signs in again.
 */
function keyFollows(user: User | null): void {
  const keys = user ? keepDeviceKeyOf(user.id) : forgetDeviceKeys();
  // Without the key, what this person logs offline is not kept; the form then says so.
  keys.catch((error) => console.warn(error));
}

function rememberUser(user: User | null): void {
  try {
    if (user) localStorage.setItem(LAST_USER_KEY, JSON.stringify(user));
    else localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Storage may be off (private browsing); the app then simply needs a connection to open.
  }
}

function lastUser(): User | null {
  try {
    const text = localStorage.getItem(LAST_USER_KEY);
    return text ? (JSON.parse(text) as User) : null;
  } catch {
    return null;
  }
}

const meKey = routeKey(contract.getMe);

/** Who the server says is signed in: null for nobody (a 401). */
async function signedInUser(): Promise<User | null> {
  try {
    const { user } = await callRoute(contract.getMe);
    rememberUser(user);
    keyFollows(user);
    return user;
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.status !== 401) throw error;
    rememberUser(null);
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  // Asked once; without a connection (even at the start) the query fails at once, the last
  // person signed in on this device stands in, and it asks again when the connection is back.
  const me = useQuery<User | null, ApiFailure>({
    queryKey: meKey,
    queryFn: signedInUser,
    networkMode: "always",
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const user =
    me.data !== undefined
      ? me.data
      : me.error
        ? me.error.status === 0
          ? lastUser()
          : null
        : undefined;

  /** Another person (or nobody) from now on: nothing cached for the previous one stays. */
  const setUser = useCallback(
    (next: User | null) => {
      rememberUser(next);
      keyFollows(next);
      const current = client.getQueryData<User | null>(meKey);
      if ((current?.id ?? null) !== (next?.id ?? null)) {
        client.removeQueries({ predicate: (query) => query.queryKey[1] !== meKey[1] });
      }
      client.setQueryData(meKey, next);
    },
    [client],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await callRoute(contract.login, { body: { email, password } });
      setUser(s.user);
    },
    [setUser],
  );

  const signUp = useCallback<SessionState["signUp"]>(
    async (body) => {
      const s = await callRoute(contract.register, { body });
      setUser(s.user);
    },
    [setUser],
  );

  const signOut = useCallback(async () => {
    await callRoute(contract.logout);
    rememberCsrfToken(undefined);
    setUser(null);
  }, [setUser]);

  return (
    <SessionContext.Provider value={{ user, signIn, signUp, signOut, setUser }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The signed-in person; only for pages behind the sign-in gate. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error("useUser on a signed-out page");
  return user;
}
