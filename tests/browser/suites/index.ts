// The browser suites, in the order they run. Add a suite here (one file per flow under suites/).
import type { Suite } from '../harness';
import { brokenData } from './broken-data';
import { mainFlows } from './main-flows';
import { polish } from './polish';
import { repoFiles } from './repo-files';
import { views } from './views';

export const SUITES: readonly Suite[] = [mainFlows, brokenData, repoFiles, views, polish];
