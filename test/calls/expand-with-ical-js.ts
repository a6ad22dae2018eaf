import ICAL from 'ical.js';

/** Start instants of one event as ical.js (an independent parser) expands them, within [after, before). */
export function expandWithIcalJs(ics: string, uid: string, after: string, before: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getAllSubcomponents('vevent').find((component) => component.getFirstPropertyValue('uid') === uid);
  if (!vevent) throw new Error(`no VEVENT ${uid}`);
  const iterator = new ICAL.Event(vevent).iterator();
  const starts: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const instant = next.toJSDate().toISOString();
    if (instant >= before) break;
    if (instant >= after) starts.push(instant);
  }
  return starts;
}
