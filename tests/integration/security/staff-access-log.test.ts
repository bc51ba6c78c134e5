import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { person, type Person, rest, sql } from '../catalogue/support.ts';

/**
 * The staff access log beyond the table-by-table expectations: entries are written only through
 * log_staff_access(), which stamps who and when itself, and only for staff with a second factor.
 */
let linkWorker: Person;
let admin: Person;
const recordId = () => `access-log-test-${randomUUID()}`;
type Entry = { staff_user_id: string; record_kind: string; record_id: string; action: string; accessed_at: string };

beforeAll(async () => {
  linkWorker = await person('link_worker');
  admin = await person('admin');
});

describe('the staff access log', () => {
  it('records the link worker who opened a record, which record, and when, stamped by the database', async () => {
    const id = recordId();
    const before = Date.now();
    const logged = await rest(linkWorker, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: id });
    expect(logged.status).toBe(200);
    const [entry] = await sql<Entry>('select * from public.staff_access_log where record_id = $1', [id]);
    expect(entry).toMatchObject({ staff_user_id: linkWorker.id, record_kind: 'referral', record_id: id, action: 'viewed' });
    expect(new Date(entry!.accessed_at).getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('takes no say over who or when from the caller', async () => {
    const result = await rest(linkWorker, 'POST', 'rpc/log_staff_access', {
      record_kind: 'referral',
      record_id: recordId(),
      staff_user_id: admin.id,
      accessed_at: '2020-01-01T00:00:00Z',
    });
    expect({ status: result.status, code: result.code }).toEqual({ status: 404, code: 'PGRST202' });
  });

  it('lets an admin read who opened a record, and hides the log from the link worker who wrote it', async () => {
    const id = recordId();
    await rest(linkWorker, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: id, action: 'printed' });
    const asAdmin = await rest(admin, 'GET', `staff_access_log?record_id=eq.${id}&select=staff_user_id,action`);
    expect(asAdmin.body).toEqual([{ staff_user_id: linkWorker.id, action: 'printed' }]);
    expect((await rest(linkWorker, 'GET', `staff_access_log?record_id=eq.${id}`)).body).toEqual([]);
  });

  it('refuses an admin who tries to remove or rewrite an entry', async () => {
    const id = recordId();
    await rest(admin, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: id });
    const removed = await rest(admin, 'DELETE', `staff_access_log?record_id=eq.${id}`);
    const rewritten = await rest(admin, 'PATCH', `staff_access_log?record_id=eq.${id}`, { record_id: 'something else' });
    expect([removed.status, removed.code, rewritten.status, rewritten.code]).toEqual([403, '42501', 403, '42501']);
    expect(await sql('select 1 from public.staff_access_log where record_id = $1', [id])).toHaveLength(1);
  });

  it('refuses staff whose session has no second factor, saying why', async () => {
    const aal1 = await person('link_worker', { aal: 'aal1' });
    const result = await rest(aal1, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: recordId() });
    expect(result).toMatchObject({ status: 403, code: '42501' });
    expect((result.body as { message: string }).message).toBe('Only staff signed in with two-factor authentication can open records.');
  });

  it('refuses a resident, and callers without a session cannot run it at all', async () => {
    const resident = await rest(await person('resident'), 'POST', 'rpc/log_staff_access', {
      record_kind: 'referral',
      record_id: recordId(),
    });
    expect({ status: resident.status, code: resident.code }).toEqual({ status: 403, code: '42501' });
    const anon = await rest({ kind: 'anon' }, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: recordId() });
    expect({ status: anon.status, code: anon.code }).toEqual({ status: 401, code: '42501' });
  });

  it('refuses a record kind that is not a plain name, and an empty record id', async () => {
    const kind = await rest(linkWorker, 'POST', 'rpc/log_staff_access', { record_kind: 'Referral; drop', record_id: recordId() });
    const empty = await rest(linkWorker, 'POST', 'rpc/log_staff_access', { record_kind: 'referral', record_id: '' });
    expect([kind.code, empty.code]).toEqual(['23514', '23514']);
  });
});
