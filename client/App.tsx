import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Layout } from './components/Layout.jsx';
import { HomePage } from './pages/HomePage.jsx';
import { LoginPage, SignupPage } from './pages/AuthPages.jsx';
import { NotFoundPage } from './pages/NotFoundPage.jsx';

// The editors (and their text-editing library) load only when a document is opened.
const WorkspacePage = lazy(() => import('./pages/WorkspacePage.jsx').then((m) => ({ default: m.WorkspacePage })));
const AccountPage = lazy(() => import('./pages/AccountPage.jsx').then((m) => ({ default: m.AccountPage })));
const InvitePage = lazy(() => import('./pages/InvitePage.jsx').then((m) => ({ default: m.InvitePage })));
const DocumentPage = lazy(() => import('./pages/DocumentPage.jsx').then((m) => ({ default: m.DocumentPage })));
const PresentPage = lazy(() => import('./pages/PresentPage.jsx').then((m) => ({ default: m.PresentPage })));
const VersionPage = lazy(() => import('./pages/VersionPage.jsx').then((m) => ({ default: m.VersionPage })));
const SharedPage = lazy(() => import('./pages/SharedPage.jsx').then((m) => ({ default: m.SharedPage })));

export function App() {
  return (
    <Router root={Layout}>
      <Route path="/" component={HomePage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/signup" component={SignupPage} />
      <Route path="/w/:ws" component={WorkspacePage} />
      <Route path="/d/:doc" component={DocumentPage} />
      <Route path="/d/:doc/present" component={PresentPage} />
      <Route path="/d/:doc/versions/:v" component={VersionPage} />
      <Route path="/s/:token" component={SharedPage} />
      <Route path="/invite/:token" component={InvitePage} />
      <Route path="/konto" component={AccountPage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  );
}
