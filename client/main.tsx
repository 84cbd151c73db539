import { render } from 'solid-js/web';
import { App } from './App.jsx';
import { locale } from './i18n/index.js';
import './styles.css';

document.documentElement.lang = locale();
const root = document.getElementById('app');
if (root) render(() => <App />, root);
