import { render } from 'solid-js/web';

function App() {
  return (
    <main>
      <h1>Samplan</h1>
      <p>Arbetsytan byggs. Servern och domänmodellen är på plats.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(() => <App />, root);
