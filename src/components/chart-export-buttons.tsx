// "Download SVG" and "Download PNG" for a chart figure. A chart that is not on screen yet (charts load on
// demand) is waited for: the export asks the figure's owner to mount it, then waits for its SVG.
import { type RefObject, useState } from 'react';
import { chartSurface, chartSvgText, svgToPng } from './chart-export';
import { downloadBlob, downloadText } from './download';
import './chart-export.css';

interface ChartExportButtonsProps {
  figure: RefObject<HTMLElement | null>;
  /** File name without the extension. */
  fileBase: string;
  /** Written at the top of the image. */
  title: string;
  /** Mount the chart if it is not (lazy charts); the export then waits for it. */
  mount?: () => void;
}

const WAIT_MS = 10_000;

function waitForSvg(figure: RefObject<HTMLElement | null>): Promise<HTMLElement> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const look = () => {
      const el = figure.current;
      if (el && chartSurface(el)) resolve(el);
      else if (performance.now() - start > WAIT_MS) reject(new Error('the chart did not appear'));
      else requestAnimationFrame(look);
    };
    look();
  });
}

export function ChartExportButtons({ figure, fileBase, title, mount }: ChartExportButtonsProps) {
  const [status, setStatus] = useState<string | null>(null);
  const run = async (kind: 'svg' | 'png') => {
    try {
      mount?.();
      const el = await waitForSvg(figure);
      const made = chartSvgText(el, title);
      if (!made) throw new Error('the chart is not on screen');
      if (kind === 'svg') downloadText(`${fileBase}.svg`, made.svg, 'image/svg+xml');
      else downloadBlob(`${fileBase}.png`, await svgToPng(made.svg, made.width, made.height));
      setStatus(`Saved ${fileBase}.${kind}.`);
    } catch (error) {
      setStatus(`Could not save the chart: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };
  return (
    <div className="chart-export">
      <button type="button" data-name="export-svg" onClick={() => run('svg')}>
        Download SVG
      </button>
      <button type="button" data-name="export-png" onClick={() => run('png')}>
        Download PNG
      </button>
      <span className="muted small" role="status">
        {status}
      </span>
    </div>
  );
}
