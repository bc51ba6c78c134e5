import type { ReferralMessage } from '../referrals/schema.ts';
import type { TimelineEvent } from './record.ts';
import {
  contactMethodWords,
  contactResultWords,
  outcomeWords,
  staffStatusWords,
  type ContactMethod,
  type ContactResult,
  type Outcome,
} from './words.ts';

/** One line of the record's timeline: what happened, who did it, and whether the person sees it. */
export interface TimelineLine {
  key: string;
  at: string;
  text: string;
  who: string;
  hiddenFromPerson: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function describeEvent(event: TimelineEvent): string {
  const d = event.detail;
  switch (event.kind) {
    case 'submitted':
      return 'Referral received';
    case 'status_changed': {
      const base = `Status changed from ${event.from_status ? staffStatusWords[event.from_status] : '—'} to ${staffStatusWords[event.to_status]}`;
      if (event.to_status === 'closed' && d.outcome) return `${base}: ${outcomeWords[d.outcome as Outcome] ?? text(d.outcome)}`;
      if (event.to_status === 'declined' && d.reason) return `${base}: “${text(d.reason)}”`;
      return base;
    }
    case 'assigned':
      return d.assigned_name ? `Assigned to ${text(d.assigned_name)}` : 'Given back to the team (no one assigned)';
    case 'routed':
      return `Routed from ${text(d.from_team)} to ${text(d.to_team)}: “${text(d.reason)}”`;
    case 'contact_made':
      return `Contact: ${contactMethodWords[d.method as ContactMethod] ?? text(d.method)}, ${(contactResultWords[d.result as ContactResult] ?? text(d.result)).toLowerCase()}`;
    case 'case_note_added':
      return 'Case note added';
    case 'plan_changed':
      return 'Plan changed';
    case 'wellbeing_recorded':
      return 'Wellbeing recorded';
    case 'spend_recorded':
      return 'Spend recorded';
    default:
      return event.kind.replace(/_/g, ' ');
  }
}

/** Events and messages in the order they happened. */
export function timelineLines(events: TimelineEvent[], messages: ReferralMessage[], names: Map<string, string>): TimelineLine[] {
  const who = (event: TimelineEvent) =>
    event.actor === 'owner' ? 'The person' : event.actor === 'system' ? 'Signpost' : (names.get(event.actor_id ?? '') ?? 'Staff');
  return [
    ...events.map((e) => ({ key: `e${e.id}`, at: e.at, text: describeEvent(e), who: who(e), hiddenFromPerson: !e.person_visible })),
    ...messages.map((m) => ({
      key: `m${m.id}`,
      at: m.created_at,
      text: m.author_kind === 'person' ? 'Message from the person' : 'Message to the person',
      who: m.author_kind === 'person' ? 'The person' : (m.author_name ?? 'Staff'),
      hiddenFromPerson: false,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}
