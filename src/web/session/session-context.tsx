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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api<SessionResponse>("GET", "/api/me")
      .then((s) => setUser(s.user))
      .catch((e) => {
        if (!(e instanceof ApiFailure) || e.status !== 401) console.warn(e);
        setUser(null);
      });
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const s = await api<SessionResponse>("POST", "/api/auth/login", { email, password });
    setUser(s.user);
  }, []);

  const signUp = useCallback<SessionState["signUp"]>(async (input) => {
    const s = await api<SessionResponse>("POST", "/api/auth/register", input);
    setUser(s.user);
  }, []);

  const signOut = useCallback(async () => {
    await api("POST", "/api/auth/logout");
    rememberCsrfToken(undefined);
    setUser(null);
  }, []);

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
