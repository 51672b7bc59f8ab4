/** The keyboard shortcut overlay (`?`), listing the one shortcut table in shortcuts.ts. */
import { Dialog } from '../components/Dialog';
import { shortcutRows } from '../shortcuts';

export function HelpDialog({ isMac, onClose }: { isMac: boolean; onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="fm-help">
      <p className="fm-hint">
        To claim text with the keyboard: Tab into the article, move with the arrow keys, select with Shift+arrows, then press C. The context-menu key (or Shift+F10)
        opens the article menu.
      </p>
      <table className="fm-shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {shortcutRows(isMac).map((row) => (
            <tr key={row.description}>
              <td>
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 ? ' or ' : ''}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-label="About Factmark" className="fm-about">
        <h3 className="fm-section-title">About Factmark</h3>
        <p className="fm-hint">
          Claim suggestions use a model trained in this app on the ClaimBuster dataset (CC BY 4.0): Arslan, Hassan, Li &amp; Tremayne, “A Benchmark Dataset of
          Check-worthy Factual Claims”, ICWSM 2020. Reporting verbs from the GenderGapTracker project (MIT); sentences and parts of speech by wink-nlp (MIT).
          Everything runs on this computer; nothing is sent anywhere.
        </p>
      </section>
    </Dialog>
  );
}
