/**
 * Where the person is with a service in their plan, in words. Apart from plan.ts (and its zod
 * schemas) so the person's page can show a plan without loading zod before it needs to.
 */
export const planServiceStatuses = ['suggested', 'referred', 'attending', 'stopped'] as const;
export type PlanServiceStatus = (typeof planServiceStatuses)[number];
export const planServiceStatusText: Record<PlanServiceStatus, string> = {
  suggested: 'Suggested',
  referred: 'Referred',
  attending: 'Attending',
  stopped: 'Stopped',
};
