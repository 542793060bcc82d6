import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { ApiFailure, api, rememberCsrfToken } from "../api.ts";

export interface User {
  id: string;
  email: string;
  role: "patient" | "clinician" | "admin";
  displayName: string | null;
  timeZone: string;
  jurisdiction: string | null;
}

interface SessionResponse {
  user: User;
  csrfToken: string;
}

interface SessionState {
  /** undefined while loading, null when signed out. */
  user: User | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signUp(input: {
    email: string;
    password: string;
    role: "patient" | "clinician";
    displayName?: string;
    timeZone: string;
  }): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: User): void;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * The last signed-in person, kept so the app opens offline (from the service worker's copy) and
 * what they log there is kept for them. Forgotten on sign-out and when the server says the
 * session is gone.
 */
const LAST_USER_KEY = "mitra.last-user";

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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(undefined);

  const setUser = useCallback((next: User | null) => {
    rememberUser(next);
    setUserState(next);
  }, []);

  // Who is signed in; without a connection, the last person signed in on this device, and ask
  // the server again once the connection is back.
  useEffect(() => {
    let checkWhenOnline = false;
    const check = () =>
      api<SessionResponse>("GET", "/api/me")
        .then((s) => {
          checkWhenOnline = false;
          setUser(s.user);
        })
        .catch((e) => {
          if (e instanceof ApiFailure && e.status === 0) {
            checkWhenOnline = true;
            setUserState((current) => (current === undefined ? lastUser() : current));
            return;
          }
          if (!(e instanceof ApiFailure) || e.status !== 401) console.warn(e);
          setUser(null);
        });
    const online = () => {
      if (checkWhenOnline) void check();
    };
    void check();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [setUser]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await api<SessionResponse>("POST", "/api/auth/login", { email, password });
      setUser(s.user);
    },
    [setUser],
  );

  const signUp = useCallback<SessionState["signUp"]>(
    async (input) => {
      const s = await api<SessionResponse>("POST", "/api/auth/register", input);
      setUser(s.user);
    },
    [setUser],
  );

  const signOut = useCallback(async () => {
    await api("POST", "/api/auth/logout");
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
