// Everything that needs the price dataset, in one chunk loaded after first paint: the dataset itself
// (every price with its source) and the core code that searches and projects it.

// The default scenario's price history, computed at build time (history-seed.ts).
export { historySeed } from 'virtual:rigcast-history-seed';
export {
  answerSentence,
  classOutlookSteps,
  describeOutcome,
  findCheapestRigs,
  projectComponents,
  projectRigCost,
  referenceLine,
  reprojectOutlook,
  rigCostHistory,
  rigRequestFromEstimate,
  shortRigName,
  usdPerGBHistory,
} from '../core';
export { dataset, datasetProblems } from '../data/dataset';
