import { z } from 'zod';
import { typedText } from '../schemas/common.ts';
import type { SessionClient } from '../supabase-session.ts';
import { caseworkErrorFrom } from './errors.ts';
import { planServiceStatuses, type PlanServiceStatus } from './plan-status.ts';

export { planServiceStatuses, planServiceStatusText, type PlanServiceStatus } from './plan-status.ts';

export const planLimits = { whatMatters: 2000, goals: 10, goal: 300 } as const;

export const planSchema = z.object({
  referral_id: z.uuid(),
  what_matters: z.string().nullable(),
  goals: z.array(z.string()),
  updated_at: z.string(),
});
export type Plan = z.infer<typeof planSchema>;

export const planServiceSchema = z.object({
  id: z.uuid(),
  referral_id: z.uuid(),
  service_id: z.string(),
  service_name: z.string(),
  status: z.enum(planServiceStatuses),
  review_on: z.string().nullable(),
});
export type PlanService = z.infer<typeof planServiceSchema>;

/** What the plan form sends: blank goals dropped, each within its limits. */
export const planInputSchema = z.object({
  what_matters: typedText()
    .trim()
    .max(planLimits.whatMatters, `What matters to the person must be ${planLimits.whatMatters} characters or fewer`)
    .transform((s) => s || null),
  goals: z
    .array(typedText().trim())
    .transform((goals) => goals.filter(Boolean))
    .pipe(
      z
        .array(z.string().max(planLimits.goal, `Each goal must be ${planLimits.goal} characters or fewer`))
        .max(planLimits.goals, `A plan can have up to ${planLimits.goals} goals`),
    ),
});
export type PlanInput = z.input<typeof planInputSchema>;

const planColumns = 'referral_id, what_matters, goals, updated_at';
const planServiceColumns = 'id, referral_id, service_id, service_name, status, review_on';

export interface PlanWithServices {
  plan: Plan | null;
  services: PlanService[];
}

/** The plan and its services, as row level security lets the caller read them (staff or the person). */
export async function loadPlan(client: Pick<SessionClient, 'from'>, referralId: string): Promise<PlanWithServices> {
  const [plan, services] = await Promise.all([
    client.from('referral_plans').select(planColumns).eq('referral_id', referralId).maybeSingle(),
    client.from('referral_plan_services').select(planServiceColumns).eq('referral_id', referralId).order('created_at'),
  ]);
  if (plan.error) throw caseworkErrorFrom(plan.error);
  if (services.error) throw caseworkErrorFrom(services.error);
  return { plan: plan.data ? planSchema.parse(plan.data) : null, services: z.array(planServiceSchema).parse(services.data) };
}

export async function savePlan(client: SessionClient, referralId: string, input: z.output<typeof planInputSchema>): Promise<Plan> {
  const result = await client.rpc('save_referral_plan', {
    referral_id: referralId,
    what_matters: input.what_matters,
    goals: input.goals,
  });
  if (result.error) throw caseworkErrorFrom(result.error);
  return planSchema.parse(result.data);
}

export async function addPlanService(client: SessionClient, referralId: string, serviceId: string): Promise<PlanService> {
  const result = await client.rpc('add_plan_service', { referral_id: referralId, service_id: serviceId, status: 'suggested' });
  if (result.error) throw caseworkErrorFrom(result.error);
  return planServiceSchema.parse(result.data);
}

export async function updatePlanService(
  client: SessionClient,
  id: string,
  change: { status: PlanServiceStatus; review_on: string | null },
): Promise<PlanService> {
  const result = await client.rpc('update_plan_service', { plan_service_id: id, ...change });
  if (result.error) throw caseworkErrorFrom(result.error);
  return planServiceSchema.parse(result.data);
}
