export { todayIso } from '../core/units';
export { defaultScenario } from './defaults';
export * from './scenario';
export {
  type DecodeOptions,
  type DecodeResult,
  decodeScenario,
  encodeScenario,
  isValidScenario,
  LINK_KEYS,
  LINK_VERSION,
} from './url-codec';
