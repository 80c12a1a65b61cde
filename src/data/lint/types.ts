// The lint's shapes. Every rule is a pure function from the files (path + text + parsed JSON) and "today"
// to DataProblems; nothing here reads the disk or the clock (scripts/lint-data.ts does).
import type { DataFileRef } from '../files';
import type { DataProblem } from '../problems';
import type { HardwareItem, PriceFile, SeriesFile } from '../schema';
import type { ModelPresetEnvelope } from './model-envelope';

export interface LintInputFile {
  path: string;
  /** The file's text as on disk (the canonical-format rule compares it). */
  text: string;
  /** The parsed JSON; undefined when syntaxError is set. */
  json: unknown;
  syntaxError?: string;
}

/** A file with its place in data/ and, when it passed its schema, the parsed content. */
export type LintFile = LintInputFile &
  DataFileRef &
  (
    | { folder: 'hardware'; data?: HardwareItem }
    | { folder: 'prices'; data?: PriceFile }
    | { folder: 'series'; data?: SeriesFile }
    | { folder: 'models'; data?: ModelPresetEnvelope }
    | { folder: 'schema' | 'unknown'; data?: undefined }
  );

export interface LintContext {
  files: readonly LintFile[];
  /** Today's date, YYYY-MM-DD (UTC), injected so tests do not depend on the clock. */
  today: string;
  /** The same files at the base of a pull request (`--base=<git ref>`), for the append-only rule; absent when
   *  linting a tree on its own. */
  baseFiles?: readonly LintFile[];
}

export interface LintRule {
  /** Also the file name under rules/ and the [rule] tag in messages. */
  id: string;
  description: string;
  check(ctx: LintContext): DataProblem[];
}
