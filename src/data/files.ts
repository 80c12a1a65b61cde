// Where a data file sits decides what it is: data/hardware/<id>.json is one HardwareItem, data/prices/<id>.json
// the PriceFile of item <id>, data/series/<id>.json a SeriesFile, data/models/<id>.json a model preset.
export const DATA_FOLDERS = ['hardware', 'prices', 'series', 'models', 'schema'] as const;
export type DataFolder = (typeof DATA_FOLDERS)[number];

export interface DataFileRef {
  /** The path normalised to start at data/ (data/hardware/x.json). */
  path: string;
  /** The folder directly under data/, or 'unknown' for a file anywhere else. */
  folder: DataFolder | 'unknown';
  /** The file name without .json: the id the file's content must carry. */
  baseName: string;
}

/** Normalises '../../data/hardware/x.json', './data/hardware/x.json' or an absolute path to data/hardware/x.json. */
export function classifyDataPath(rawPath: string): DataFileRef {
  const slashed = rawPath.replace(/\\/g, '/');
  const at = slashed.lastIndexOf('data/');
  const path = at >= 0 && (at === 0 || slashed[at - 1] === '/') ? slashed.slice(at) : slashed;
  const parts = path.split('/');
  const fileName = parts[parts.length - 1] ?? '';
  const baseName = fileName.replace(/\.json$/, '');
  const folderName = parts.length === 3 && parts[0] === 'data' ? parts[1] : undefined;
  const folder = (DATA_FOLDERS as readonly string[]).includes(folderName ?? '')
    ? (folderName as DataFolder)
    : 'unknown';
  return { path, folder, baseName };
}
