import { render } from 'solid-js/web';
import { config as zodConfig } from 'zod';
import { App } from './App.jsx';
import { locale } from './i18n/index.js';
import { installChunkReload } from './lib/chunk-reload.js';
import { browserHost, registerServiceWorker } from './lib/service-worker.js';
import './styles.css';

// zod compiles schemas with `Function` when it may; our CSP forbids eval, and zod's probe
// for it is reported as a CSP violation. Interpreted schemas are fast enough here.
zodConfig({ jitless: true });
// Before anything lazy loads: a tab left open across a deploy reloads into the new build.
installChunkReload(window);
document.documentElement.lang = locale();
const root = document.getElementById('app');
if (root) render(() => <App />, root);
// The offline app shell (issue 17 item 12). The dev server (the one with hot reload) builds
// no worker; every build does, whatever NODE_ENV (the browser tests build under "test").
if (!import.meta.hot) registerServiceWorker(browserHost());
