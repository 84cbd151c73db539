import { render } from 'solid-js/web';
import { App } from './App.jsx';
import { locale } from './i18n/index.js';
import { installChunkReload } from './lib/chunk-reload.js';
import { installFormValidity } from './lib/form-validity.js';
import { browserHost, registerServiceWorker } from './lib/service-worker.js';
import './styles.css';

// Before anything lazy loads: a tab left open across a deploy reloads into the new build.
installChunkReload(window);
// Refused form fields say why in the app's language, not in the browser's bubble (user test U15).
installFormValidity(document);
document.documentElement.lang = locale();
const root = document.getElementById('app');
if (root) render(() => <App />, root);
// The offline app shell (issue 17 item 12). The dev server (the one with hot reload) builds
// no worker; every build does, whatever NODE_ENV (the browser tests build under "test").
if (!import.meta.hot) registerServiceWorker(browserHost());
