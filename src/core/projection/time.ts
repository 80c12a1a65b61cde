// The projection's calendar helpers now live in src/core/units.ts. This re-export remains only for
// rig-history.ts, which is being rewritten with the rig search and will import src/core/units.ts directly;
// then this file goes.
export { monthEnd, monthOf, monthsBetween } from '../units';
