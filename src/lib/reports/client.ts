import type { SessionClient } from '../supabase-session.ts';
import { referralReportSchema, reportScopesSchema, type ReferralReport, type ReportRequest, type ReportScopes } from './schema.ts';

/** A report the database refused or could not make: its message is fit to show; `field` is the picker it is about. */
export class ReportError extends Error {
  readonly status: number;
  readonly field: 'from' | 'to' | 'pcn' | 'team' | null;
  constructor(message: string, status: number, field: 'from' | 'to' | 'pcn' | 'team' | null = null) {
    super(message);
    this.name = 'ReportError';
    this.status = status;
    this.field = field;
  }
}

const fields = ['from', 'to', 'pcn', 'team'] as const;

function reportError(error: { message: string; hint?: string | null; code?: string }, status: number): ReportError {
  const field = fields.find((f) => f === error.hint) ?? null;
  if (error.code?.startsWith('SP')) return new ReportError(error.message, status, field);
  return new ReportError(`The report could not be made (${error.message}). Check your connection and try again.`, status, field);
}

/** The areas and teams the signed-in member of staff may report on. */
export async function loadReportScopes(client: SessionClient): Promise<ReportScopes> {
  const response = await client.rpc('report_scopes');
  if (response.error) throw reportError(response.error, response.status);
  return reportScopesSchema.parse(response.data as unknown);
}

/** The report for a period and, optionally, one area and one team (row rules and suppression apply in the database). */
export async function loadReport(client: SessionClient, request: ReportRequest): Promise<ReferralReport> {
  const response = await client.rpc('report_referrals', {
    p_from: request.from,
    p_to: request.to,
    p_pcn: request.pcn,
    p_team: request.team,
  });
  if (response.error) throw reportError(response.error, response.status);
  return referralReportSchema.parse(response.data as unknown);
}
