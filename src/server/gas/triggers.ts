/**
 * The time-driven trigger that keeps a batch going while the sidebar is closed. Exactly one, owned by
 * the user who started the batch, remembered by id in the document's properties and deleted by that
 * id (never "all triggers") when the batch ends. A bound script may fire every minute; an add-on may
 * not fire more often than hourly, so when Apps Script refuses the minute we fall back to the hour.
 */
const TRIGGER_PROPERTY = 'slideshowRemix.triggerId';
export const TICK_FUNCTION = 'onBatchTick';

export interface TriggerInfo {
  id: string;
  everyMinutes: number;
}

function find(id: string): GoogleAppsScript.Script.Trigger | undefined {
  return ScriptApp.getProjectTriggers().find((trigger) => trigger.getUniqueId() === id);
}

export function ensureBatchTrigger(): TriggerInfo {
  const properties = PropertiesService.getDocumentProperties();
  const known = properties.getProperty(TRIGGER_PROPERTY);
  if (known) {
    const [id = '', minutes = '60'] = known.split('|');
    if (find(id)) return { id, everyMinutes: Number(minutes) };
  }
  let trigger: GoogleAppsScript.Script.Trigger;
  let everyMinutes = 1;
  try {
    trigger = ScriptApp.newTrigger(TICK_FUNCTION).timeBased().everyMinutes(1).create();
  } catch (error) {
    if (!/at least one hour|Add-on/i.test(String(error))) throw error;
    trigger = ScriptApp.newTrigger(TICK_FUNCTION).timeBased().everyHours(1).create();
    everyMinutes = 60;
  }
  properties.setProperty(TRIGGER_PROPERTY, `${trigger.getUniqueId()}|${everyMinutes}`);
  return { id: trigger.getUniqueId(), everyMinutes };
}

export function removeBatchTrigger(): void {
  const properties = PropertiesService.getDocumentProperties();
  const known = properties.getProperty(TRIGGER_PROPERTY);
  if (!known) return;
  const trigger = find(known.split('|')[0] ?? '');
  if (trigger) ScriptApp.deleteTrigger(trigger);
  properties.deleteProperty(TRIGGER_PROPERTY);
}
