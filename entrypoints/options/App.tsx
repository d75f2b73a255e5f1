import { useEffect, useState } from 'preact/hooks';
import { deleteAllData } from '@/utils/db/jobs';
import { getPanelDb } from '@/utils/db/open';
import { downloadText } from '@/utils/download';
import {
  BACKUP_LIMITS,
  backupFilename,
  exportBackup,
  importBackup,
  parseBackup,
} from '@/utils/export/backup';
import { formatCandidates, formatCredits, formatNumber, formatSize } from '@/utils/format';
import { t } from '@/utils/i18n';
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

/** "1 CV", "3 CVs". */
const formatCvs = (n: number) => t(n === 1 ? 'backupCvsOne' : 'backupCvsOther', formatNumber(n));

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
  const [includeCvs, setIncludeCvs] = useState(false);

  const refreshUsage = () =>
    void navigator.storage
      ?.estimate()
      .then((e) => setUsage(e.usage === undefined ? null : formatSize(e.usage, 1)));

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
      setStatus({ kind: 'info', text: t('optionsSaved') });
    } catch {
      setStatus({ kind: 'error', text: t('optionsSaveFailed') });
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    setBusy(true);
    setStatus({ kind: 'info', text: t('optionsTesting') });
    try {
      await setDraftApiKey(apiKey);
      const result = await pageApi.testConnection(accountId);
      if (!result.ok) {
        setStatus({ kind: 'error', text: result.error.message });
        return;
      }
      const { credits, accounts: found, accountFound } = result.value;
      setAccounts(found);
      let text = t('optionsConnected', formatCredits(credits));
      if (!accountId.trim()) text += ` ${t('optionsPickAccount')}`;
      else if (accountFound === false) text += ` ${t('optionsAccountNotFound')}`;
      else if (accountFound === true) text += ` ${t('optionsAccountFound')}`;
      setStatus({ kind: accountFound === false ? 'error' : 'info', text });
    } catch {
      setStatus({ kind: 'error', text: t('optionsBackgroundNoAnswer') });
    } finally {
      setBusy(false);
    }
  }

  async function saveBackup() {
    const backup = await exportBackup(await getPanelDb(), Date.now(), { includeCvs });
    let text: string | null;
    try {
      text = JSON.stringify(backup);
    } catch {
      // Longer than the browser's longest string: far past what an import accepts anyway.
      text = null;
    }
    if (text === null || text.length > BACKUP_LIMITS.size) {
      setDataStatus({ kind: 'error', text: t('backupTooBig') });
      return;
    }
    downloadText(backupFilename(new Date()), text, 'application/json');
    const candidates = formatCandidates(backup.candidates.length);
    setDataStatus({
      kind: 'info',
      text: backup.cvs
        ? t(
            'backupSavedWithCvs',
            backup.jobs.length,
            candidates,
            backup.reviews.length,
            formatCvs(backup.cvs.length),
          )
        : t('backupSaved', backup.jobs.length, candidates, backup.reviews.length),
    });
  }

  async function loadBackup(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) {
      setDataStatus({ kind: 'error', text: t('backupRejected', parsed.message) });
      return;
    }
    try {
      const result = await importBackup(await getPanelDb(), parsed.backup, Date.now());
      const candidates = formatCandidates(result.candidates);
      setDataStatus({
        kind: 'info',
        text: parsed.backup.cvs
          ? t(
              'backupImportedWithCvs',
              result.jobs,
              candidates,
              result.reviews,
              formatCvs(result.cvs),
            )
          : t('backupImported', result.jobs, candidates, result.reviews),
      });
      refreshUsage();
    } catch {
      setDataStatus({ kind: 'error', text: t('backupImportFailed') });
    }
  }

  async function deleteAll() {
    if (!confirm(t('deleteAllConfirm'))) return;
    await deleteAllData(await getPanelDb());
    setDataStatus({ kind: 'info', text: t('deleteAllDone') });
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
      <h1>{t('optionsTitle')}</h1>
      <p class="muted">{t('optionsIntro')}</p>
      <form onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="api-key">{t('optionsApiKey')}</label>
          <div class="field-row">
            {showKey ? (
              <input type="text" {...keyField} />
            ) : (
              <input type="password" {...keyField} />
            )}
            <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
              {showKey ? t('optionsHideKey') : t('optionsShowKey')}
            </button>
          </div>
          <span class="small muted">
            {t('optionsKeyHint', new URL(import.meta.env.LINKUP_API_BASE).host)}
          </span>
        </div>
        <div class="field">
          <label for="account-id">{t('optionsAccountId')}</label>
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
                {t('optionsAccountsLabel')}
              </label>
              <select
                id="account-pick"
                value={accounts.some((a) => a.accountId === accountId) ? accountId : ''}
                onChange={(e) => e.currentTarget.value && setAccountId(e.currentTarget.value)}
              >
                <option value="">{t('optionsChooseAccount')}</option>
                {accounts.map((a) => (
                  <option key={a.accountId} value={a.accountId}>
                    {t('optionsAccountOption', a.label, a.status || t('optionsUnknownStatus'))}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <div class="field">
          <label for="guard">{t('optionsGuardLabel')}</label>
          <input
            id="guard"
            type="number"
            min={0}
            step={10}
            value={guard}
            onInput={(e) => setGuard(Number(e.currentTarget.value))}
          />
          <span class="small muted">{t('optionsGuardHint')}</span>
        </div>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('optionsSave')}
          </button>
          <button type="button" onClick={() => void test()} disabled={busy}>
            {t('optionsTest')}
          </button>
        </div>
        <div role="status" class={`status${status?.kind === 'error' ? ' error' : ''}`}>
          {status?.text}
        </div>
      </form>
      <h2>{t('optionsDataHeading')}</h2>
      <p class="muted">
        {t('optionsDataIntro')}
        {usage && ` ${t('optionsStorageUsed', usage)}`}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void saveBackup()}>
          {t('optionsExportBackup')}
        </button>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: '0.3rem' }}>
          <input
            type="checkbox"
            checked={includeCvs}
            onChange={(e) => setIncludeCvs(e.currentTarget.checked)}
          />
          {t('optionsIncludeCvs')}
        </label>
        <label class="file-button">
          {t('optionsImportBackup')}
          <input
            type="file"
            accept="application/json,.json"
            aria-label={t('optionsImportBackup')}
            onChange={(e) => void loadBackup(e.currentTarget)}
          />
        </label>
        <button type="button" class="danger" onClick={() => void deleteAll()}>
          {t('optionsDeleteAll')}
        </button>
      </div>
      {/* Not role="status": the page has one status region, the connection test's. */}
      <div aria-live="polite" class={`status${dataStatus?.kind === 'error' ? ' error' : ''}`}>
        {dataStatus?.text}
      </div>
    </main>
  );
}
