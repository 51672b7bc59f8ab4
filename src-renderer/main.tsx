/** Renderer entry: pick the transport for the host we run in, then mount the app. */
import './no-eval';
import { createRoot } from 'react-dom/client';
import { FactmarkClient } from './api/client';
import { electronTransport, httpTransport, takeToken } from './api/transports';
import { App } from './App';
import './styles/app.css';

/** Shown when the page was opened without its token (a bookmark, a new tab): how to get a working link. */
const NEEDS_TOKEN =
  'This page needs its access token, which is new each time Factmark starts, so a bookmarked address does not open it. To get a new link, look in the terminal where you ran `npm start` (or `npm run web`): it printed the full address after “Open this URL in your browser”. If Factmark is no longer running there, run `npm start` again and open the address it prints.';

function connect(): FactmarkClient | string {
  if (window.factmark) return new FactmarkClient(electronTransport(window.factmark));
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) return NEEDS_TOKEN;
  return new FactmarkClient(httpTransport(token));
}

const root = createRoot(document.getElementById('root')!);
const client = connect();
root.render(typeof client === 'string' ? <p role="alert" className="fm-fatal">{client}</p> : <App client={client} />);
