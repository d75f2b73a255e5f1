import { LinkupClient } from '../linkup/client';
import { LinkupError } from '../linkup/errors';
import type { LinkupAccount } from '../linkup/types';
import { getApiKey, getCredentials, takeDraftApiKey } from '../settings';

/** Fixed at build time: Linkup itself, or the bundled mock in the demo build. */
export const LINKUP_API_BASE: string = import.meta.env.LINKUP_API_BASE;

export function clientFor(apiKey: string, accountId: string): LinkupClient {
  return new LinkupClient({ apiKey, accountId, baseUrl: LINKUP_API_BASE });
}

/** A client with the saved key and account, or a 'no-settings' error to show. */
export async function savedClient(): Promise<LinkupClient> {
  const { apiKey, accountId } = await getCredentials();
  if (!apiKey || !accountId) throw new LinkupError('no-settings', 'No API key or account ID');
  return clientFor(apiKey, accountId);
}

export async function savedKeyClient(): Promise<LinkupClient> {
  const { apiKey, accountId } = await getCredentials();
  if (!apiKey) throw new LinkupError('no-settings', 'No API key');
  return clientFor(apiKey, accountId);
}

export interface ConnectionCheck {
  credits: number;
  accounts: LinkupAccount[];
  /** null when no account ID was given. */
  accountFound: boolean | null;
}

/** "Test connection": the key from the options page's draft, the account from its field. */
export async function testConnection(accountId: string): Promise<ConnectionCheck> {
  // An empty field in the options page means "the saved key".
  const apiKey = (await takeDraftApiKey()) || (await getApiKey());
  if (!apiKey) throw new LinkupError('no-settings', 'No API key');
  const client = clientFor(apiKey, accountId);
  const credits = await client.getCredits();
  // The account list is free; a failure there must not hide that the key works.
  const accounts = await client.listAccounts().catch(() => [] as LinkupAccount[]);
  const accountFound = accountId
    ? accounts.length === 0
      ? null
      : accounts.some((a) => a.accountId === accountId)
    : null;
  return { credits, accounts, accountFound };
}
