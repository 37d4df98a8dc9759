export { Properties, PropertiesService } from './properties';
export {
  PropertiesStore,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_LIMIT_BYTES,
  SCRIPT_SCOPE,
  userScope,
  documentScope,
  type PropertiesSnapshot,
} from './properties-store';
export { PropertiesQuota, PROPERTIES_DAILY_LIMIT, type PropertiesUsage } from './quota';
