import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scriptConfig } from '../../../scripts/lib/config.ts';
import { sampleStaffPassword, SampleStaffRefused, seedSampleStaff } from '../../../scripts/lib/seed-staff.ts';
import { sampleStaff } from '../../../src/lib/sample-data/staff.ts';
import { testStack } from '../../support/stack.ts';
import { anonClient, mailTo, sql, uniqueEmail } from '../auth/helpers.ts';
import { anyTeam } from './support.ts';

const config = () => scriptConfig({ ...testStack.env, SIGNPOST_ENV: 'development' });

describe('sample staff for the local stack', () => {
  it('makes each sample account with its role and team, and each signs in with the local password', async () => {
    await seedSampleStaff(config(), { SIGNPOST_ENV: 'development' });
    const rows = await sql<{ email: string; role: string; team: string | null }>(
      `select u.email, s.role, t.name as team from public.staff_members s join auth.users u on u.id = s.user_id
       left join public.teams t on t.id = s.team_id where u.email = any($1) order by u.email`,
      [sampleStaff.map((s) => s.email)],
    );
    expect(rows).toEqual(
      sampleStaff.map(({ email, role, team }) => ({ email, role, team })).sort((a, b) => a.email.localeCompare(b.email)),
    );
    const { error } = await anonClient().auth.signInWithPassword({ email: sampleStaff[0]!.email, password: sampleStaffPassword });
    expect(error).toBeNull();
  });

  it('has link workers in two teams, a coordinator, a curator and an admin', () => {
    const linkWorkerTeams = new Set(sampleStaff.filter((s) => s.role === 'link_worker').map((s) => s.team));
    expect(linkWorkerTeams.size).toBeGreaterThanOrEqual(2);
    expect(new Set(sampleStaff.map((s) => s.role))).toEqual(new Set(['link_worker', 'coordinator', 'curator', 'admin']));
  });

  it('leaves existing accounts as they are on a second start', async () => {
    const ids = () => sql(`select id from auth.users where email = any($1) order by id`, [sampleStaff.map((s) => s.email)]);
    await seedSampleStaff(config(), { SIGNPOST_ENV: 'development' });
    const before = await ids();
    await seedSampleStaff(config(), { SIGNPOST_ENV: 'development' });
    expect(await ids()).toEqual(before);
  });

  it('refuses to make sample staff for production, before writing anything', async () => {
    await expect(seedSampleStaff(config(), { SIGNPOST_ENV: 'production' })).rejects.toThrow(SampleStaffRefused);
    const hosted = { ...config(), PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co' };
    await expect(seedSampleStaff(hosted, { SIGNPOST_ENV: 'development' })).rejects.toThrow(/only on the local stack/);
  });
});

describe('npm run staff:invite', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/staff-invite.ts', ...args], { env: { ...process.env, ...testStack.env }, encoding: 'utf8' });

  it('invites a coordinator into a team given by name, and the invitation lands in the local mailbox', async () => {
    const team = await anyTeam();
    const email = uniqueEmail('script-invite');
    const result = run('--email', email, '--role', 'coordinator', '--team', team.name.toUpperCase(), '--name', 'Robin Script');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Invited Robin Script <${email}> as coordinator`);
    expect((await mailTo(email))[0]?.kind).toBe('invite');
    const [row] = await sql(
      `select s.role, s.team_id::text from public.staff_members s join auth.users u on u.id = s.user_id where u.email = $1`,
      [email],
    );
    expect(row).toEqual({ role: 'coordinator', team_id: team.id });
  });

  it('names what is missing and how to call it', () => {
    const result = run('--email', 'someone@example.org', '--role', 'link_worker');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--name: Enter their name');
    expect(result.stderr).toContain('--team: Select their team');
    expect(result.stderr).toContain('Usage: npm run staff:invite');
  });

  it('says which teams exist when the team is not found', () => {
    const result = run('--email', 'someone@example.org', '--role', 'link_worker', '--team', 'No Such Team', '--name', 'A Person');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No team is called "No Such Team"\. Teams: .*Link Workers/);
  });
});
