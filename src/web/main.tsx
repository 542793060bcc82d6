import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { Layout } from "./components/Layout.tsx";
import { homeFor } from "./components/navigation.ts";
import { AccountPage } from "./pages/AccountPage.tsx";
import { AuthPage } from "./pages/AuthPage.tsx";
import { CheckInPage } from "./pages/CheckInPage.tsx";
import { ClaimPage } from "./pages/ClaimPage.tsx";
import { CoaCheckPage } from "./pages/CoaCheckPage.tsx";
import { HelpPage } from "./pages/HelpPage.tsx";
import { HistoryPage } from "./pages/HistoryPage.tsx";
import { LawPage } from "./pages/LawPage.tsx";
import { LearnPage } from "./pages/LearnPage.tsx";
import { LogPage } from "./pages/LogPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PatientDetailPage } from "./pages/PatientDetailPage.tsx";
import { PatientsPage } from "./pages/PatientsPage.tsx";
import { PlanPage } from "./pages/PlanPage.tsx";
import { ProductsPage } from "./pages/ProductsPage.tsx";
import { ProgressPage } from "./pages/ProgressPage.tsx";
import { SectionPage } from "./pages/SectionPage.tsx";
import { SharePage } from "./pages/SharePage.tsx";
import { TodayPage } from "./pages/TodayPage.tsx";
import { SessionProvider, useSession } from "./session/session-context.tsx";
import "./styles.css";

function SignedIn({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return <Navigate to="/sign-in" replace />;
  return children;
}

function SignedOut({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user) return <Navigate to={homeFor(user.role)} replace />;
  return children;
}

function Start() {
  const { user } = useSession();
  if (user === undefined) return <p className="loading">Loading…</p>;
  return <Navigate to={user ? homeFor(user.role) : "/sign-in"} replace />;
}

const sections: { path: string; title: string; text: string }[] = [
  { path: "admin", title: "Administration", text: "Users, backups and the audit log." },
];

function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Start />} />
        <Route path="help" element={<HelpPage />} />
        <Route
          path="sign-in"
          element={
            <SignedOut>
              <AuthPage mode="sign-in" />
            </SignedOut>
          }
        />
        <Route
          path="sign-up"
          element={
            <SignedOut>
              <AuthPage mode="sign-up" />
            </SignedOut>
          }
        />
        <Route
          path="today"
          element={
            <SignedIn>
              <TodayPage />
            </SignedIn>
          }
        />
        <Route
          path="check-in/:instrumentId?"
          element={
            <SignedIn>
              <CheckInPage />
            </SignedIn>
          }
        />
        <Route
          path="progress"
          element={
            <SignedIn>
              <ProgressPage />
            </SignedIn>
          }
        />
        <Route
          path="plan"
          element={
            <SignedIn>
              <PlanPage />
            </SignedIn>
          }
        />
        <Route
          path="law"
          element={
            <SignedIn>
              <LawPage />
            </SignedIn>
          }
        />
        <Route
          path="learn"
          element={
            <SignedIn>
              <LearnPage />
            </SignedIn>
          }
        />
        <Route
          path="learn/claims/:id"
          element={
            <SignedIn>
              <ClaimPage />
            </SignedIn>
          }
        />
        <Route
          path="products/coa"
          element={
            <SignedIn>
              <CoaCheckPage />
            </SignedIn>
          }
        />
        <Route
          path="log"
          element={
            <SignedIn>
              <LogPage />
            </SignedIn>
          }
        />
        <Route
          path="history/:day?"
          element={
            <SignedIn>
              <HistoryPage />
            </SignedIn>
          }
        />
        <Route
          path="products"
          element={
            <SignedIn>
              <ProductsPage />
            </SignedIn>
          }
        />
        <Route
          path="share"
          element={
            <SignedIn>
              <SharePage />
            </SignedIn>
          }
        />
        <Route
          path="account"
          element={
            <SignedIn>
              <AccountPage />
            </SignedIn>
          }
        />
        <Route
          path="patients"
          element={
            <SignedIn>
              <PatientsPage />
            </SignedIn>
          }
        />
        <Route
          path="patients/:id"
          element={
            <SignedIn>
              <PatientDetailPage />
            </SignedIn>
          }
        />
        {sections.map((s) => (
          <Route
            key={s.path}
            path={s.path}
            element={
              <SignedIn>
                <SectionPage title={s.title}>
                  <p>{s.text}</p>
                </SectionPage>
              </SignedIn>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("no #root element");
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
