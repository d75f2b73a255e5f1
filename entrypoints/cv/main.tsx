import { render } from 'preact';
import { App } from './App';
import '@/components/panel.css';

render(<App />, document.getElementById('app') as HTMLElement);
