import { useEffect, useState } from 'preact/hooks';
import { deleteAllData } from '@/utils/db/jobs';
import { getPanelDb } from '@/utils/db/open';
import { downloadText } from '@/utils/download';
import { backupFilename, exportBackup, importBackup, parseBackup } from '@/utils/export/backup';
import { formatCandidates, formatCredits } from '@/utils/format';
import type { LinkupAccount } from '@/utils/linkup/types';
import { pageApi } from '@/utils/page-api';
import {
  accountIdItem,
  creditGuardItem,
  getApiKey,
  setApiKey,
  setDraftApiKey,
} from '@/utils/settings';

type Status = { kind: 'info' | 'error'; text: string } | null;

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function App() {
  const [apiKey, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [accountId, setAccountId] = useState('');
  const [guard, setGuard] = useState(50);
  const [accounts, setAccounts] = useState<LinkupAccount[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [usage, setUsage] = useState<string | null>(null);
  const [dataStatus, setDataStatus] = useState<Status>(null);

  const refreshUsage = () =>
    void navigator.storage
      ?.estimate()
      .then((e) => setUsage(e.usage === undefined ? null : formatBytes(e.usage)));

  useEffect(() => {
    void Promise.all([getApiKey(), accountIdItem.getValue(), creditGuardItem.getValue()]).then(
      ([k, a, g]) => {
        setKey(k);
        setAccountId(a);
        setGuard(g);
        if (k) {
          void pageApi
            .accounts()
            .then((r) => r.ok && setAccounts(r.value))
            .catch(() => {});
        }
      },
    );
    refreshUsage();
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    try {
      await setApiKey(apiKey);
      await accountIdItem.setValue(accountId.trim());
      await creditGuardItem.setValue(Math.max(0, Math.floor(guard) || 0));
      setStatus({ kind: 'info', text: 'Saved.' });
    } catch {
      setStatus({ kind: 'error', text: 'The settings could not be saved. Try again.' });
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    setBusy(true);
    setStatus({ kind: 'info', text: 'Testing the connection…' });
    try {
      await setDraftApiKey(apiKey);
      const result = await pageApi.testConnection(accountId);
      if (!result.ok) {
        setStatus({ kind: 'error', text: result.error.message });
        return;
      }
      const { credits, accounts: found, accountFound } = result.value;
      setAccounts(found);
      let text = `Connected. Your balance is ${formatCredits(credits)}.`;
      if (!accountId.trim()) text += ' Now pick or enter your account ID.';
      else if (accountFound === false)
        text +=
          ' But the account ID was not found among this key’s LinkedIn accounts: pick one from the list.';
      else if (accountFound === true) text += ' The account ID belongs to this key.';
      setStatus({ kind: accountFound === false ? 'error' : 'info', text });
    } catch {
      setStatus({
        kind: 'error',
        text: 'The extension’s background did not answer. Reload this page and try again.',
      });
    } finally {
      setBusy(false);
    }
  }

  async function saveBackup() {
    const backup = await exportBackup(await getPanelDb(), Date.now());
    downloadText(backupFilename(new Date()), JSON.stringify(backup), 'application/json');
    setDataStatus({
      kind: 'info',
      text: `Backup saved: ${backup.jobs.length} jobs, ${formatCandidates(backup.candidates.length)}, ${backup.reviews.length} reviews. It holds personal data: keep it safe.`,
    });
  }

  async function loadBackup(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setDataStatus({ kind: 'error', text: `${parsed.message} Nothing was changed.` });
      return;
    }
    try {
      const result = await importBackup(await getPanelDb(), parsed.backup, Date.now());
      setDataStatus({
        kind: 'info',
        text: `Backup imported: ${result.jobs} jobs, ${formatCandidates(result.candidates)}, ${result.reviews} reviews merged.`,
      });
      refreshUsage();
    } catch {
      setDataStatus({
        kind: 'error',
        text: 'The backup could not be imported. Nothing was changed.',
      });
    }
  }

  async function deleteAll() {
    if (
      !confirm(
        'Delete every cached job, applicant, note and decision from this browser? This cannot be undone.',
      )
    )
      return;
    await deleteAllData(await getPanelDb());
    setDataStatus({ kind: 'info', text: 'All applicant data was deleted from this browser.' });
    refreshUsage();
  }

  const keyField = {
    id: 'api-key',
    autocomplete: 'off',
    spellcheck: false,
    value: apiKey,
    onInput: (e: { currentTarget: HTMLInputElement }) => setKey(e.currentTarget.value),
  };

  return (
    <main class="options">
      <h1>Applicant Panel settings</h1>
      <p class="muted">
        Applicant Panel lists your LinkedIn job applicants through the Linkup API. Get an API key
        and connect your LinkedIn account in the Linkup dashboard, then enter both here.
      </p>
      <form onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="api-key">API key</label>
          <div class="field-row">
            {showKey ? (
              <input type="text" {...keyField} />
            ) : (
              <input type="password" {...keyField} />
            )}
            <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
              {showKey ? 'Hide key' : 'Show key'}
            </button>
          </div>
          <span class="small muted">
            Stored only in this browser, sent only to{' '}
            {new URL(import.meta.env.LINKUP_API_BASE).host}.
          </span>
        </div>
        <div class="field">
          <label for="account-id">Account ID</label>
          <input
            id="account-id"
            type="text"
            spellcheck={false}
            value={accountId}
            onInput={(e) => setAccountId(e.currentTarget.value)}
          />
          {accounts.length > 0 && (
            <>
              <label for="account-pick" class="small">
                Connected accounts of this key
              </label>
              <select
                id="account-pick"
                value={accounts.some((a) => a.accountId === accountId) ? accountId : ''}
                onChange={(e) => e.currentTarget.value && setAccountId(e.currentTarget.value)}
              >
                <option value="">Choose an account…</option>
                {accounts.map((a) => (
                  <option key={a.accountId} value={a.accountId}>
                    {a.label} ({a.status || 'unknown status'})
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <div class="field">
          <label for="guard">Ask before a pull costs more than (credits)</label>
          <input
            id="guard"
            type="number"
            min={0}
            step={10}
            value={guard}
            onInput={(e) => setGuard(Number(e.currentTarget.value))}
          />
          <span class="small muted">Pulling costs 1 credit per 10 applicants. 0 never asks.</span>
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => void test()} disabled={busy}>
            Test connection
          </button>
        </div>
        <div role="status" class={`status${status?.kind === 'error' ? ' error' : ''}`}>
          {status?.text}
        </div>
      </form>
      <h2>Your data</h2>
      <p class="muted">
        Applicants, notes and decisions stay in this browser only.
        {usage && ` Storage used: ${usage}.`}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void saveBackup()}>
          Export backup
        </button>
        <label class="file-button">
          Import backup
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import backup"
            onChange={(e) => void loadBackup(e.currentTarget)}
          />
        </label>
        <button type="button" class="danger" onClick={() => void deleteAll()}>
          Delete all data
        </button>
      </div>
      {/* Not role="status": the page has one status region, the connection test's. */}
      <div aria-live="polite" class={`status${dataStatus?.kind === 'error' ? ' error' : ''}`}>
        {dataStatus?.text}
      </div>
    </main>
  );
}
