import { t, tParts } from '@/utils/i18n';
import { safeLinkedInUrl } from '@/utils/safe-url';

/** A link only to https LinkedIn addresses; anything else is shown as inert text. */
export function ProfileLink({ url }: { url: string }) {
  if (!url) return null;
  const safe = safeLinkedInUrl(url);
  if (!safe) {
    return <p class="muted">{tParts('profileUnsafe', <span class="break">{url}</span>)}</p>;
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" class="profile-link">
      {t('profileOpen')}
    </a>
  );
}
