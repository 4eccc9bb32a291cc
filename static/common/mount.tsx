import '@atlaskit/css-reset';
import './app.css';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';

/** Starts a Custom UI module: Confluence's base styles and theme, then the app in #root. */
export function mount(app: ReactElement): void {
  // Follow the host's light/dark theme; a host without theming keeps the token fallbacks.
  Promise.resolve()
    .then(() => view.theme.enable())
    .catch(() => undefined);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
