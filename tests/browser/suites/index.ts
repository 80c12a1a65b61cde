// The browser suites, in the order they run. Add a suite here (one file per flow under suites/).
import type { Suite } from '../harness';
import { brokenData } from './broken-data';
import { firstPaint } from './first-paint';
import { hardening } from './hardening';
import { mainFlows } from './main-flows';
import { polish } from './polish';
import { repoFiles } from './repo-files';
import { views } from './views';

export const SUITES: readonly Suite[] = [
  mainFlows,
  hardening,
  brokenData,
  firstPaint,
  repoFiles,
  views,
  polish,
];
