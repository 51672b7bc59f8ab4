/** Renderer entry: pick the transport for the host we run in, then mount the app. */
import { createRoot } from 'react-dom/client';
import { FactmarkClient } from './api/client';
import { electronTransport, httpTransport, takeToken } from './api/transports';
import { App } from './App';
import './styles/app.css';

function connect(): FactmarkClient | string {
  if (window.factmark) return new FactmarkClient(electronTransport(window.factmark));
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) return 'This page needs its access token: open the full URL that `npm run web` printed.';
  return new FactmarkClient(httpTransport(token));
}

const root = createRoot(document.getElementById('root')!);
const client = connect();
root.render(typeof client === 'string' ? <p role="alert" className="fm-fatal">{client}</p> : <App client={client} />);
