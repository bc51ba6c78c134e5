import { describe, expect, it } from 'vitest';
import { describeEvent, timelineLines } from './timeline.ts';
import type { TimelineEvent } from './record.ts';

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  id: 1,
  kind: 'submitted',
  from_status: null,
  to_status: 'new',
  actor: 'owner',
  actor_id: null,
  person_visible: true,
  detail: {},
  at: '2026-12-03T10:00:00.000Z',
  ...over,
});

describe('the record’s timeline in words', () => {
  it('says a closed referral’s outcome', () => {
    expect(
      describeEvent(event({ kind: 'status_changed', from_status: 'active', to_status: 'closed', detail: { outcome: 'needs_met' } })),
    ).toBe('Status changed from Active to Closed: Needs met');
  });

  it('says where a referral was routed and why', () => {
    expect(describeEvent(event({ kind: 'routed', detail: { from_team: 'A', to_team: 'B', reason: 'Dementia support' } }))).toBe(
      'Routed from A to B: “Dementia support”',
    );
  });

  it('puts events and messages in the order they happened, naming the member of staff', () => {
    const lines = timelineLines(
      [
        event({}),
        event({
          id: 2,
          kind: 'contact_made',
          actor: 'staff',
          actor_id: 'u1',
          person_visible: false,
          detail: { method: 'phone', result: 'spoke' },
          at: '2026-12-03T12:00:00.000Z',
        }),
      ],
      [
        {
          id: 5,
          referral_id: 'r',
          author_kind: 'staff',
          author_id: 'u1',
          author_name: 'Sam, link worker',
          body: 'Hi',
          created_at: '2026-12-03T11:00:00.000Z',
        },
      ],
      new Map([['u1', 'Sam Patel']]),
    );
    expect(lines.map((l) => [l.text, l.who, l.hiddenFromPerson])).toEqual([
      ['Referral received', 'The person', false],
      ['Message to the person', 'Sam, link worker', false],
      ['Contact: Phone call, spoke with the person', 'Sam Patel', true],
    ]);
  });
});
