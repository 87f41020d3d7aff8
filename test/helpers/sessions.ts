import { expect } from 'vitest';
import type { JsonResponse, TestApp } from './test-app.js';

/** A template with a screen (30 min) and a technical (60 min) stage, and a participant of it. */
export interface Seeded {
  templateId: string;
  stages: { screen: string; technical: string };
  participantId: string;
  email: string;
}

let counter = 0;

export async function seedParticipant(
  t: TestApp,
  options: { key?: string; externalId?: string | null; templateName?: string; outcome?: string; name?: string } = {},
): Promise<Seeded> {
  counter += 1;
  const key = options.key !== undefined ? { key: options.key } : {};
  const template = await t.request('POST', '/api/v1/evaluation-templates', {
    ...key,
    body: {
      template_name: options.templateName ?? 'Backend Engineer',
      ...(options.outcome !== undefined ? { success_outcome: options.outcome } : {}),
      stages: [
        { type: 'screen', stage_name: 'Phone screen' },
        { type: 'technical', stage_name: 'Technical interview', duration_minutes: 60 },
      ],
    },
  });
  expect(template.statusCode, JSON.stringify(template.body)).toBe(201);
  const email = `person-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const participant = await t.request('POST', '/api/v1/participants', {
    ...key,
    body: {
      name: options.name ?? 'Jane Smith',
      email,
      evaluation_template_id: template.body.data.id,
      ...(options.externalId !== null ? { external_id: options.externalId ?? `ats-${counter}` } : {}),
    },
  });
  expect(participant.statusCode, JSON.stringify(participant.body)).toBe(201);
  const stages = template.body.data.stages as { id: string; type: string }[];
  return {
    templateId: String(template.body.data.id),
    stages: {
      screen: stages.find((s) => s.type === 'screen')?.id ?? '',
      technical: stages.find((s) => s.type === 'technical')?.id ?? '',
    },
    participantId: String(participant.body.data.id),
    email,
  };
}

export async function book(t: TestApp, body: Record<string, unknown>, options: { key?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
  return t.request('POST', '/api/v1/sessions', { body, ...options });
}

export async function booked(t: TestApp, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: string; join_url: string }> {
  const res = await book(t, body);
  expect(res.statusCode, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** An ISO time `days` days after the app's clock. */
export function inDays(t: TestApp, days: number, hourUtc?: number): string {
  const at = new Date(t.ctx.clock.now().getTime() + days * 86_400_000);
  if (hourUtc !== undefined) at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString();
}

export function issuePaths(res: JsonResponse): string[] {
  return ((res.body.issues ?? []) as { path: string }[]).map((i) => i.path);
}

/** The account's events of one session, oldest first. */
export async function sessionEvents(t: TestApp, sessionId: string): Promise<{ type: string; data: Record<string, unknown> & { session: Record<string, unknown> } }[]> {
  const rows = await t.db.handle.db.selectFrom('events').select(['type', 'payload']).orderBy('id').execute();
  return rows
    .map((row) => ({ type: row.type, data: JSON.parse(row.payload) as Record<string, unknown> & { session: Record<string, unknown> } }))
    .filter((e) => e.type.startsWith('session.') && e.data.session['id'] === sessionId);
}
