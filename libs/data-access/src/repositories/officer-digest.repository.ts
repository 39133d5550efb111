import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarDate, RequestType } from '@rightsdesk/domain';

export const DIGEST_SECTIONS = ['overdue', 'due_soon', 'failed', 'on_hold'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** One line of the digest: what the request is and who has it, never who asked. */
export interface DigestItem {
  id: string;
  reference: string;
  type: RequestType;
  dueOn: CalendarDate;
  assigneeName: string | null;
}

export type DigestSections = Record<DigestSection, { total: number; items: DigestItem[] }>;

// A request may sit in two sections (overdue and failed): they answer different questions. On-hold
// requests are listed only as waiting: their stored due date moves when the hold ends where the
// regime pauses the clock, so calling them overdue could be wrong. Unverified requests are not the
// team's to act on yet and expire by themselves.
const SECTIONS = `
  WITH matching AS (
    SELECT 'overdue' AS section, r.id, r.reference, r.type, r.due_on, r.assignee_id FROM privacy_request r
     WHERE r.status IN ('awaiting_review', 'approved', 'in_progress', 'failed') AND r.due_on < $1::date
    UNION ALL
    SELECT 'due_soon', r.id, r.reference, r.type, r.due_on, r.assignee_id FROM privacy_request r
     WHERE r.status IN ('awaiting_review', 'approved', 'in_progress') AND r.due_on BETWEEN $1::date AND $2::date
    UNION ALL
    SELECT 'failed', r.id, r.reference, r.type, r.due_on, r.assignee_id FROM privacy_request r WHERE r.status = 'failed'
    UNION ALL
    SELECT 'on_hold', r.id, r.reference, r.type, r.due_on, r.assignee_id FROM privacy_request r WHERE r.status = 'on_hold'
  ), ranked AS (
    SELECT m.*, row_number() OVER (PARTITION BY m.section ORDER BY m.due_on, m.reference) AS n,
           count(*) OVER (PARTITION BY m.section)::int AS total
      FROM matching m
  )
  SELECT k.section, k.total, k.id, k.reference, k.type, k.due_on::text AS due_on, o.display_name AS assignee_name
    FROM ranked k LEFT JOIN officer o ON o.id = k.assignee_id
   WHERE k.n <= $3
   ORDER BY k.section, k.n`;

interface SectionRow {
  section: DigestSection;
  total: number;
  id: string;
  reference: string;
  type: RequestType;
  due_on: CalendarDate;
  assignee_name: string | null;
}

@Injectable()
export class OfficerDigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts per section and the first `limit` requests of each, soonest due first. */
  async sections(today: CalendarDate, dueBy: CalendarDate, limit: number): Promise<DigestSections> {
    const rows = await this.dataSource.query<SectionRow[]>(SECTIONS, [today, dueBy, limit]);
    const result = Object.fromEntries(DIGEST_SECTIONS.map((section) => [section, { total: 0, items: [] as DigestItem[] }])) as DigestSections;
    for (const row of rows) {
      const section = result[row.section];
      section.total = row.total;
      section.items.push({ id: row.id, reference: row.reference, type: row.type, dueOn: row.due_on, assigneeName: row.assignee_name });
    }
    return result;
  }
}
