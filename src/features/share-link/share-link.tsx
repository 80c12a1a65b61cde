// Copy link: the URL already mirrors the scenario; this copies it, with a fallback for browsers (or
// insecure origins) without navigator.clipboard.
import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { shareUrl } from '../../state/url-sync';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function ShareLink() {
  // The link is built when the button is pressed, not on every slider move.
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="share-link">
      <button
        type="button"
        className="primary"
        data-name="copy-link"
        onClick={async () => {
          const url = shareUrl(useAppStore.getState().scenario);
          setStatus((await copyText(url)) ? 'copied' : 'failed');
          window.setTimeout(() => setStatus('idle'), 2500);
        }}
      >
        Copy link
      </button>
      <span role="status" aria-live="polite" className="share-status">
        {status === 'copied' ? 'Link copied' : status === 'failed' ? 'Copy failed: use the address bar' : ''}
      </span>
    </div>
  );
}
