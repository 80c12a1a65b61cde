// Visible, dismissible notices: what a share link could not carry or had wrong, and problems found in
// the dataset (a broken data file is left out of the results, never silently).
import { dismissNotice, useNotices } from '../../state/store';

const MAX_DETAILS_SHOWN = 8;

export function Notices() {
  const notices = useNotices();
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role="alert" data-notice-kind={n.kind}>
          <div className="notice-body">
            <p>{n.text}</p>
            {n.details.length > 0 ? (
              <ul>
                {n.details.slice(0, MAX_DETAILS_SHOWN).map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {n.details.length > MAX_DETAILS_SHOWN ? (
                  <li>…and {n.details.length - MAX_DETAILS_SHOWN} more.</li>
                ) : null}
              </ul>
            ) : null}
          </div>
          <button type="button" aria-label={`Dismiss: ${n.text}`} onClick={() => dismissNotice(n.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
