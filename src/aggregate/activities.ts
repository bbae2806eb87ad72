import type { ActivityType } from '../catalog/activity-types';
import type { Mode } from '../catalog/modes';
import type { Activity } from '../records/records';
import type { ActivitySummary, Tally3 } from './types';

export const zero = (): Tally3 => ({ count: 0, sessions: 0, participants: 0 });

export function addTo(t: Tally3, a: { sessions: number; participants: number }): void {
  t.count++;
  t.sessions += a.sessions;
  t.participants += a.participants;
}

/** Activities by type × mode, in catalogue order, only the types that occurred. */
export function summariseActivities(activities: Activity[], types: ActivityType[], modes: Mode[]): ActivitySummary {
  const byType = new Map(types.map((t) => [t.key, { total: zero(), byMode: Object.fromEntries(modes.map((m) => [m.key, zero()])) }]));
  const byMode: Record<string, Tally3> = Object.fromEntries(modes.map((m) => [m.key, zero()]));
  const total = zero();
  let first: string | null = null;
  let last: string | null = null;
  for (const a of activities) {
    const t = byType.get(a.type);
    if (!t) continue;
    addTo(t.total, a);
    addTo(t.byMode[a.mode], a);
    addTo(byMode[a.mode], a);
    addTo(total, a);
    const end = a.endDate ?? a.date;
    if (first === null || a.date < first) first = a.date;
    if (last === null || end > last) last = end;
  }
  return {
    total,
    byMode,
    first,
    last,
    byType: types
      .filter((t) => (byType.get(t.key)?.total.count ?? 0) > 0)
      .map((t) => ({ type: t.key, label: t.label, noun: t.noun ?? t.label.toLowerCase(), ...byType.get(t.key)! })),
  };
}
