import { useEffect, useRef } from 'preact/hooks';

const SHORTCUTS: [string, string][] = [
  ['j or ↓', 'Next candidate'],
  ['k or ↑', 'Previous candidate'],
  ['Enter', 'Open the candidate'],
  ['1 / 2 / 3', 'Shortlist / Maybe / Reject (again to clear)'],
  ['/', 'Search'],
  ['Esc', 'Back to the list'],
  ['?', 'Show or hide these shortcuts'],
];

/** The keyboard shortcuts, in a modal dialog that Esc closes. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([key, what]) => (
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
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
