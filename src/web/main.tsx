import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { queryClient } from "./api-client.ts";
import { Layout } from "./components/Layout.tsx";
import { homeFor } from "./components/navigation.ts";
import { OUTBOX_SENT_EVENT } from "./offline/use-outbox.ts";
import { AuthPage } from "./pages/AuthPage.tsx";
import { HelpPage } from "./pages/HelpPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { SessionProvider, useSession } from "./session/session-context.tsx";
import "./offline/register-service-worker.ts";
import "./styles.css";

// Doses and check-ins the offline outbox sent change what the server answers: read again
// (all but the session, which a send does not change).
window.addEventListener(
  OUTBOX_SENT_EVENT,
  () => void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "auth" }),
);

// Pages past the first are fetched when first visited, so the first page loads less script.
const AccountPage = lazy(() =>
  import("./pages/AccountPage.tsx").then((m) => ({ default: m.AccountPage })),
);
const AdminPage = lazy(() =>
  import("./pages/AdminPage.tsx").then((m) => ({ default: m.AdminPage })),
);
const CheckInPage = lazy(() =>
  import("./pages/CheckInPage.tsx").then((m) => ({ default: m.CheckInPage })),
);
const ClaimPage = lazy(() =>
  import("./pages/ClaimPage.tsx").then((m) => ({ default: m.ClaimPage })),
);
const CoaCheckPage = lazy(() =>
  import("./pages/CoaCheckPage.tsx").then((m) => ({ default: m.CoaCheckPage })),
);
const HistoryPage = lazy(() =>
  import("./pages/HistoryPage.tsx").then((m) => ({ default: m.HistoryPage })),
);
const LawPage = lazy(() => import("./pages/LawPage.tsx").then((m) => ({ default: m.LawPage })));
const LearnPage = lazy(() =>
  import("./pages/LearnPage.tsx").then((m) => ({ default: m.LearnPage })),
);
const LogPage = lazy(() => import("./pages/LogPage.tsx").then((m) => ({ default: m.LogPage })));
const NotificationSettingsPage = lazy(() =>
  import("./pages/NotificationSettingsPage.tsx").then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const NotificationsPage = lazy(() =>
  import("./pages/NotificationsPage.tsx").then((m) => ({ default: m.NotificationsPage })),
);
const PatientDetailPage = lazy(() =>
  import("./pages/PatientDetailPage.tsx").then((m) => ({ default: m.PatientDetailPage })),
);
const PatientsPage = lazy(() =>
  import("./pages/PatientsPage.tsx").then((m) => ({ default: m.PatientsPage })),
);
const PlanPage = lazy(() => import("./pages/PlanPage.tsx").then((m) => ({ default: m.PlanPage })));
const ProductsPage = lazy(() =>
  import("./pages/ProductsPage.tsx").then((m) => ({ default: m.ProductsPage })),
);
const ProgressPage = lazy(() =>
  import("./pages/ProgressPage.tsx").then((m) => ({ default: m.ProgressPage })),
);
const ResetPasswordPage = lazy(() =>
  import("./pages/ResetPasswordPage.tsx").then((m) => ({ default: m.ResetPasswordPage })),
);
const SharePage = lazy(() =>
  import("./pages/SharePage.tsx").then((m) => ({ default: m.SharePage })),
);
const TodayPage = lazy(() =>
  import("./pages/TodayPage.tsx").then((m) => ({ default: m.TodayPage })),
);

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
          path="reset-password"
          element={
            <SignedOut>
              <ResetPasswordPage />
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
          path="notifications"
          element={
            <SignedIn>
              <NotificationsPage />
            </SignedIn>
          }
        />
        <Route
          path="notifications/settings"
          element={
            <SignedIn>
              <NotificationSettingsPage />
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
        <Route
          path="admin"
          element={
            <SignedIn>
              <AdminPage />
            </SignedIn>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
