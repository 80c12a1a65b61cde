// The fold that holds the repository reader. Only this small part is in the first-paint bundle: the reader
// itself (network layer, header parsers) loads when the fold is opened, or when a link names model files.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useScenarioField } from '../../state/store';

const RepoFiles = lazy(() => import('./repo-files').then((m) => ({ default: m.RepoFiles })));

export function RepoFilesEntry() {
  const weights = useScenarioField('weights');
  const [open, setOpen] = useState(weights !== undefined);
  useEffect(() => {
    if (weights) setOpen(true);
  }, [weights]);
  return (
    <details
      className="repo-files"
      data-name="repo-files"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Exact bytes from a model repository (GGUF or safetensors)</summary>
      {open ? (
        <Suspense fallback={<p className="muted">Loading the repository reader…</p>}>
          <RepoFiles />
        </Suspense>
      ) : null}
    </details>
  );
}
