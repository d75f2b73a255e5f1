import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { memo } from '@/utils/panel/stable';

/** Each shortcut's keys, named as on the keyboard, and what it does. */
function shortcuts(): [string, string][] {
  return [
    [t('shortcutKeysNext'), t('candidateNext')],
    [t('shortcutKeysPrevious'), t('candidatePrevious')],
    ['Enter', t('shortcutOpen')],
    ['1 / 2 / 3', t('shortcutDecide')],
    ['/', t('shortcutSearch')],
    ['Esc', t('shortcutBack')],
    ['?', t('shortcutHelp')],
  ];
}

/** The keyboard shortcuts, in a modal dialog that Esc closes. */
export const ShortcutsDialog = memo(function ShortcutsDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
      <table>
        <tbody>
          {shortcuts().map(([key, what]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">{t('shortcutsClose')}</button>
      </form>
    </dialog>
  );
});
