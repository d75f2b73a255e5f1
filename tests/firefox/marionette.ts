/**
 * A minimal Marionette client (Firefox's own automation protocol, next to WebDriver BiDi).
 *
 * WebDriver BiDi only reaches web content. Marionette's chrome context also reaches the
 * browser's own UI, which the tests need for three things BiDi cannot do: open the
 * extension's pages in a tab (a `moz-extension:` URL is not web-accessible, so a BiDi
 * navigation to it is refused), press the toolbar button, and read the sidebar's state.
 *
 * Wire format: `<length>:<json>`; commands are `[0, id, name, params]`, answers
 * `[1, id, error, result]`. Firefox writes the port it listens on (pref `marionette.port` = 0
 * picks a free one) to `MarionetteActivePort` in the profile.
 */
import { connect, type Socket } from 'node:net';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeting: ((value: unknown) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', (error) => this.failAll(error));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
  }

  static async connect(port: number): Promise<Marionette> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new Marionette(socket);
    await new Promise((resolve) => {
      client.greeting = resolve;
    });
    await client.send('WebDriver:NewSession', { capabilities: {} });
    await client.send('Marionette:SetContext', { value: 'chrome' });
    return client;
  }

  private onData(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const json = this.buffer.subarray(colon + 1, colon + 1 + length).toString();
      this.buffer = this.buffer.subarray(colon + 1 + length);
      const message: unknown = JSON.parse(json);
      if (!Array.isArray(message)) {
        this.greeting?.(message);
        this.greeting = null;
        continue;
      }
      const [, id, error, result] = message as [
        number,
        number,
        { message?: string } | null,
        unknown,
      ];
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (!waiter) continue;
      if (error) waiter.reject(new Error(`Marionette: ${error.message ?? JSON.stringify(error)}`));
      else waiter.resolve(result);
    }
  }

  private failAll(error: Error) {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  send(name: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    const json = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /**
   * Runs `script` (a function body) in the browser window's chrome scope; `arguments` holds
   * `args`. Returns what the script returns (JSON-serialisable values only).
   */
  async chrome<T>(script: string, args: unknown[] = []): Promise<T> {
    const answer = (await this.send('WebDriver:ExecuteScript', { script, args })) as {
      value: T;
    };
    return answer.value;
  }

  /** A real mouse click (WebDriver's element click) on a browser-UI element. */
  async click(selector: string): Promise<void> {
    const found = (await this.send('WebDriver:FindElement', {
      using: 'css selector',
      value: selector,
    })) as { value: Record<string, string> };
    const id = Object.values(found.value)[0];
    await this.send('WebDriver:ElementClick', { id });
  }

  /**
   * Presses a key combination in the browser window, e.g. `Alt+Shift+A`, as WebDriver key
   * actions (modifiers down, key, all up in reverse).
   */
  async pressKeys(combo: string): Promise<void> {
    const names: Record<string, string> = { Alt: '\uE00A', Shift: '\uE008', Ctrl: '\uE009' };
    const keys = combo.split('+').map((k) => names[k] ?? k);
    const actions = [
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.send('WebDriver:PerformActions', {
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
    await this.send('WebDriver:ReleaseActions');
  }

  /** Polls a chrome-scope script until it returns a truthy value. */
  async waitFor(script: string, args: unknown[] = [], timeoutMs = 5000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.chrome<unknown>(script, args))) {
      if (Date.now() > end) throw new Error(`Marionette: timed out on ${script.slice(0, 80)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close() {
    await this.send('WebDriver:DeleteSession').catch(() => {});
    this.socket.destroy();
  }
}
