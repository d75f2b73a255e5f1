import { render } from 'preact';
import { getPanelDb } from '@/utils/db/open';
import { App } from './App';
import '@/components/panel.css';

// Open the database while the first render runs: the first rows need it at once.
void getPanelDb();
render(<App />, document.getElementById('app') as HTMLElement);
