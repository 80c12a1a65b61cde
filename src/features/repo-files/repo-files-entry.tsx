// The fold that holds the repository reader. Only this small part is in the first-paint bundle: the reader
// itself (network layer, header parsers) loads when the fold is opened, or when a link names model files.
import { lazy, Suspense, useState } from 'react';
import { useScenarioField } from '../../state/store';

const RepoFiles = lazy(() => import('./repo-files').then((m) => ({ default: m.RepoFiles })));

export function RepoFilesEntry() {
  // Open when the person opens it, or while the scenario names model files (a link that carries them).
  const named = useScenarioField('weights') !== undefined;
  const [opened, setOpened] = useState(false);
  const open = opened || named;
  return (
    <details
      className="repo-files"
      data-name="repo-files"
      open={open}
      onToggle={(e) => setOpened((e.currentTarget as HTMLDetailsElement).open)}
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
