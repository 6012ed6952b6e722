// Table types for Kysely. Rows are not domain objects: mapping happens in each noun's module.
import type { ColumnType, Generated } from "kysely";
import type { AuditAction } from "../domain/shared/outbox.ts";

/** A `date` column: read and written as an ISO "YYYY-MM-DD" string on both drivers. */
type DateColumn = string;
/** A `timestamptz` column: read as a Date, written as a Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface TrackersTable {
  id: Generated<number>;
  country_code: string;
  name: string;
  name_en: string | null;
  organisation: string;
  created_at: Timestamp;
}

export interface CyclesTable {
  id: Generated<number>;
  tracker_id: number;
  slug: string;
  label: string;
  label_en: string | null;
  period_start: DateColumn;
  period_end: DateColumn;
  state: string;
  previous_cycle_id: number | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  deadline: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  created_at: Timestamp;
}

export interface CommitmentsTable {
  id: Generated<number>;
  tracker_id: number;
  number: number;
  title: string;
  title_en: string | null;
}

export interface CommitmentGoalsTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  indicator: string;
  indicator_en: string | null;
  unit: string;
  baseline_value: number | null;
  baseline_year: number | null;
  baseline_source: string | null;
  target_value: number;
  target_year: number;
  series_id: ColumnType<number | null, number | null | undefined, number | null>;
  direction: ColumnType<string, string | undefined, string>;
}

export interface OutcomeSeriesTable {
  id: Generated<number>;
  tracker_id: number;
  code: string;
  name: string;
  name_en: string | null;
  unit: string;
  source_kind: string;
  health_indicator_id: number | null;
  org_unit_id: number | null;
  created_at: Timestamp;
}

export interface OutcomePointsTable {
  series_id: number;
  year: number;
  value: number;
  source: string;
  source_url: string | null;
  kind: string;
}

export interface ProcessIndicatorsTable {
  id: Generated<number>;
  tracker_id: number;
  commitment_id: number;
  code: string;
  position: number;
  title: string;
  title_en: string | null;
  building_blocks: string[];
}

export interface PartnersTable {
  id: Generated<number>;
  tracker_id: number;
  slug: string;
  name: string;
  name_en: string | null;
  acronym: string | null;
  category: string;
}

export interface MappingsTable {
  cycle_id: number;
  partner_id: number;
  indicator_id: number;
}

export interface ResponsesTable {
  id: Generated<number>;
  cycle_id: number;
  partner_id: number;
  indicator_id: number;
  contributes: string;
  activities: string | null;
  collaborators_text: string | null;
  difficulties: string | null;
  method: string;
  state: string;
  answered_by: string | null;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: Timestamp;
  version: ColumnType<number, number | undefined, number>;
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: NullableTimestamp;
  return_comment: ColumnType<string | null, string | null | undefined, string | null>;
  /** The rows as typed while some are not valid (TypedRows as JSON); null when all are. */
  held_rows: ColumnType<unknown, string | null | undefined, string | null>;
}

type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  partner_id: number | null;
  password_hash: string | null;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
}

/** One counted event (a failed sign-in, a reset request) for a rate limit: bucket × key. */
export interface ThrottleEventsTable {
  id: Generated<string>;
  bucket: string;
  key: string;
  at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<number>;
  cycle_id: number;
  partner_id: number;
  email: string | null;
  token_hash: string;
  created_by: string;
  created_at: Timestamp;
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** The language the invitation was written in (migration 0014); null reads as French. */
  lang: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number | null;
  invitation_id: number | null;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_seen_at: Timestamp;
}

export interface LinkRequestsTable {
  id: Generated<string>;
  invitation_id: number | null;
  client_hash: string;
  at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
}

export interface SetupLinksTable {
  id: Generated<number>;
  token_hash: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
}

export interface ClientWritesTable {
  client_id: string;
  response_id: number;
  version: number;
  received_at: Timestamp;
  /** Digest of the body the client id first came with; null for writes stored before it. */
  body_digest: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  cycle_id: number | null;
  partner_id: number | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  dedupe_key: string | null;
  claimed_until: NullableTimestamp;
}

export interface ImportBatchesTable {
  id: Generated<string>;
  source: string;
  actor: string;
  file_hash: string | null;
  scope: Json;
  state: ColumnType<string, string | undefined, string>;
  inserted: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  unchanged: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
  error: string | null;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  state: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: Timestamp;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  dedupe_key: string | null;
  result: Json;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ResponseCollaboratorsTable {
  response_id: number;
  partner_id: number;
}

export interface ResponseOutputsTable {
  id: Generated<number>;
  response_id: number;
  position: number;
  value: number;
  unit: string;
}

export interface ResponseEvidenceTable {
  id: Generated<number>;
  response_id: number;
  url: string;
  title: string | null;
}

export interface ValidationMeetingsTable {
  id: Generated<number>;
  cycle_id: number;
  title: string;
  title_en: string | null;
  held_on: DateColumn;
  place: string;
}

export interface MeetingParticipantsTable {
  meeting_id: number;
  partner_id: number;
}

export interface AssessmentsTable {
  id: Generated<number>;
  cycle_id: number;
  indicator_id: number;
  status: string;
  narrative: string | null;
  narrative_en: string | null;
  meeting_id: number | null;
  assessed_at: Timestamp;
}

export interface DifficultiesTable {
  id: Generated<number>;
  cycle_id: number;
  level: string;
  position: number;
  text: string;
  text_en: string | null;
}

export interface CycleRecommendationsTable {
  id: Generated<number>;
  cycle_id: number;
  position: number;
  text: string;
  text_en: string | null;
  follow_up: Generated<string | null>;
  follow_up_note: Generated<string | null>;
  follow_up_note_en: Generated<string | null>;
}

export interface CommitmentVerdictsTable {
  id: Generated<number>;
  cycle_id: number;
  commitment_id: number;
  status: string;
  reason: string;
  reason_en: string | null;
  meeting_id: number | null;
  recorded_at: Timestamp;
}

export interface AcronymsTable {
  id: Generated<number>;
  tracker_id: number;
  acronym: string;
  expansion: string;
  expansion_en: string | null;
}

export interface CycleTextsTable {
  id: Generated<number>;
  cycle_id: number;
  kind: string;
  text: string;
  text_en: string | null;
  updated_at: Timestamp;
}

/** The English of one free text of a response, with the French it was made from (0033). */
export interface ResponseTranslationsTable {
  response_id: number;
  field: string;
  source: string;
  text_en: string;
  updated_by: string;
  updated_at: Timestamp;
}

/** A quantified output's unit in English, once per tracker and French unit (0033). */
export interface UnitTranslationsTable {
  id: Generated<number>;
  tracker_id: number;
  unit: string;
  unit_en: string;
  updated_at: Timestamp;
}

export interface ReportLogosTable {
  id: Generated<number>;
  tracker_id: number;
  name: string;
  /** The re-encoded PNG; a Buffer on PostgreSQL, a Uint8Array on PGlite. */
  png: Uint8Array;
  width: number;
  height: number;
  cover_position: number | null;
  created_at: Timestamp;
}

export interface ReportCoversTable {
  cycle_id: number;
  published_on: DateColumn | null;
  place: string | null;
  updated_at: Timestamp;
}

export interface ReportSectionsTable {
  id: Generated<number>;
  cycle_id: number;
  after_section: string;
  title: string;
  title_en: string | null;
  text: string;
  text_en: string | null;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  before: Json;
  after: Json;
  request_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface CollectionExtensionsTable {
  id: Generated<number>;
  cycle_id: number;
  partner_id: number;
  until: DateColumn;
  created_by: string;
  updated_at: Timestamp;
}

export interface OrgUnitLevelsTable {
  level: number;
  uid: string | null;
  name: string;
  name_en: string | null;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  short_name: string | null;
  parent_id: number | null;
  level: number;
  path: string;
  opening_date: DateColumn | null;
  closed_date: DateColumn | null;
  geometry: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrgUnitAncestorsTable {
  org_unit_id: number;
  ancestor_id: number;
  depth: number;
}

export interface CategoryCombosTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface CategoryOptionCombosTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  category_combo_id: number | null;
  options: ColumnType<Record<string, string>, string | undefined, string>;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface DataElementsTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  name_en: string | null;
  short_name: string | null;
  value_type: string;
  aggregation: ColumnType<string, string | undefined, string>;
  category_combo_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DataValuesTable {
  org_unit_id: number;
  data_element_id: number;
  period: string;
  coc_id: number;
  aoc_id: number;
  bucket: string;
  value: number;
  comment: string | null;
  follow_up: ColumnType<boolean, boolean | undefined, boolean>;
  stored_by: string | null;
  created: Timestamp;
  last_updated: Timestamp;
  batch_id: string | null;
}

export interface DataValueRollupsTable {
  data_element_id: number;
  org_unit_id: number;
  bucket: string;
  coc_id: number;
  sum: number;
  count: number;
}

export interface DataValueStagingTable {
  batch_id: string;
  seq: number;
  org_unit_id: number;
  data_element_id: number;
  period: string;
  coc_id: number;
  aoc_id: number;
  bucket: string;
  value: number | null;
  deleted: boolean;
  comment: string | null;
  follow_up: boolean;
  stored_by: string | null;
  created: NullableTimestamp;
  last_updated: NullableTimestamp;
  staged_at: Timestamp;
}

export interface DataValueUndoTable {
  batch_id: string;
  org_unit_id: number;
  data_element_id: number;
  period: string;
  coc_id: number;
  aoc_id: number;
  bucket: string;
  value: number | null;
  comment: string | null;
  follow_up: boolean;
  stored_by: string | null;
  created: Timestamp;
  last_updated: Timestamp;
  old_batch_id: string | null;
}

export interface DataValueRollupPendingTable {
  batch_id: string;
  data_element_id: number;
  org_unit_id: number;
  bucket: string;
  coc_id: number;
  sum: number;
  count: number;
}

export interface DataValueMergesTable {
  id: Generated<number>;
  batch_id: string;
  alive_at: Generated<Timestamp>;
}

export interface ConstantsTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  value: number;
}

export interface HealthIndicatorsTable {
  id: Generated<number>;
  uid: string | null;
  code: string | null;
  name: string;
  name_en: string | null;
  numerator: string;
  denominator: string;
  numerator_description: string | null;
  denominator_description: string | null;
  factor: ColumnType<number, number | undefined, number>;
  decimals: number | null;
  is_public: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HealthIndicatorTargetsTable {
  indicator_id: number;
  org_unit_id: number;
  kind: string;
  period: string;
  value: number;
}

export interface DB {
  trackers: TrackersTable;
  cycles: CyclesTable;
  commitments: CommitmentsTable;
  commitment_goals: CommitmentGoalsTable;
  outcome_series: OutcomeSeriesTable;
  outcome_points: OutcomePointsTable;
  indicators: ProcessIndicatorsTable;
  partners: PartnersTable;
  mappings: MappingsTable;
  responses: ResponsesTable;
  response_collaborators: ResponseCollaboratorsTable;
  response_outputs: ResponseOutputsTable;
  response_evidence: ResponseEvidenceTable;
  meetings: ValidationMeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  assessments: AssessmentsTable;
  difficulties: DifficultiesTable;
  recommendations: CycleRecommendationsTable;
  commitment_verdicts: CommitmentVerdictsTable;
  acronyms: AcronymsTable;
  cycle_texts: CycleTextsTable;
  response_translations: ResponseTranslationsTable;
  unit_translations: UnitTranslationsTable;
  report_logos: ReportLogosTable;
  report_covers: ReportCoversTable;
  report_sections: ReportSectionsTable;
  audit_log: AuditLogTable;
  users: UsersTable;
  throttle_events: ThrottleEventsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  link_requests: LinkRequestsTable;
  password_resets: PasswordResetsTable;
  setup_links: SetupLinksTable;
  client_writes: ClientWritesTable;
  outbox: OutboxTable;
  collection_extensions: CollectionExtensionsTable;
  import_batches: ImportBatchesTable;
  jobs: JobsTable;
  org_unit_levels: OrgUnitLevelsTable;
  org_units: OrgUnitsTable;
  org_unit_ancestors: OrgUnitAncestorsTable;
  category_combos: CategoryCombosTable;
  category_option_combos: CategoryOptionCombosTable;
  data_elements: DataElementsTable;
  data_values: DataValuesTable;
  data_value_rollups: DataValueRollupsTable;
  data_value_staging: DataValueStagingTable;
  data_value_undo: DataValueUndoTable;
  data_value_rollup_pending: DataValueRollupPendingTable;
  data_value_merges: DataValueMergesTable;
  constants: ConstantsTable;
  health_indicators: HealthIndicatorsTable;
  health_indicator_targets: HealthIndicatorTargetsTable;
  dhis2_connections: Dhis2ConnectionsTable;
  access_tokens: AccessTokensTable;
  programmes: ProgrammesTable;
  programme_regions: ProgrammeRegionsTable;
  programme_commitments: ProgrammeCommitmentsTable;
  programme_indicators: ProgrammeIndicatorsTable;
  programme_indicator_targets: ProgrammeIndicatorTargetsTable;
  programme_publications: ProgrammePublicationsTable;
  midwives: MidwivesTable;
  deployments: DeploymentsTable;
  trainings: TrainingsTable;
  missions: MissionsTable;
  mission_regions: MissionRegionsTable;
  mission_delegates: MissionDelegatesTable;
  mission_visits: MissionVisitsTable;
  mission_visit_figures: MissionVisitFiguresTable;
  mission_recommendations: MissionRecommendationsTable;
  mission_follow_ups: MissionFollowUpsTable;
  testimonials: TestimonialsTable;
  testimonial_consents: TestimonialConsentsTable;
  testimonial_photos: TestimonialPhotosTable;
}

export interface Dhis2ConnectionsTable {
  id: Generated<number>;
  name: string;
  base_url: string;
  auth_kind: string;
  /** Names of environment variables, never their values. */
  token_var: string | null;
  username_var: string | null;
  password_var: string | null;
  data_set: string;
  org_unit: string;
  periods: string;
  with_metadata: ColumnType<boolean, boolean | undefined, boolean>;
  schedule: ColumnType<string, string | undefined, string>;
  last_pulled_at: NullableTimestamp;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccessTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** Finds the row; the secret's SHA-256 is compared in constant time. */
  selector: string;
  secret_hash: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ProgrammesTable {
  id: Generated<number>;
  name: string;
  lead_partner: string;
  funders: ColumnType<string[], string[] | undefined, string[]>;
  partners: ColumnType<string[], string[] | undefined, string[]>;
  start_date: DateColumn;
  end_date: DateColumn | null;
  /** numeric(20,2): read as a decimal string on both drivers. */
  budget: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeRegionsTable {
  programme_id: number;
  org_unit_id: number;
}

export interface ProgrammeCommitmentsTable {
  id: Generated<number>;
  programme_id: number;
  /** A tracker commitment, reached through services/tracker only. */
  commitment_id: number;
  /** One of its process indicators, if the programme serves one in particular. */
  indicator_id: number | null;
}

export interface ProgrammeIndicatorsTable {
  id: Generated<number>;
  programme_id: number;
  indicator_id: number;
}

export interface ProgrammePublicationsTable {
  id: Generated<number>;
  programme_id: number;
  slug: string;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  published_at: NullableTimestamp;
  published_by: string | null;
  updated_at: Timestamp;
}

export interface ProgrammeIndicatorTargetsTable {
  programme_indicator_id: number;
  org_unit_id: number;
  period: string;
  value: number;
}

export interface MidwivesTable {
  id: Generated<number>;
  name: string;
  qualification: string;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  /** Private contact: never in a public read model. */
  phone: string | null;
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DeploymentsTable {
  id: Generated<number>;
  midwife_id: number;
  programme_id: number;
  facility_id: number;
  start_date: DateColumn;
  /** The last day at the facility, included. */
  end_date: DateColumn | null;
  end_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingsTable {
  id: Generated<number>;
  midwife_id: number;
  topic: string;
  date: DateColumn;
  provider: string | null;
  created_at: Timestamp;
}

export interface MissionsTable {
  id: Generated<number>;
  programme_id: number;
  title: string;
  start_date: DateColumn;
  end_date: DateColumn;
  objectives: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MissionRegionsTable {
  mission_id: number;
  org_unit_id: number;
}

export interface MissionDelegatesTable {
  id: Generated<number>;
  mission_id: number;
  name: string;
  institution: string | null;
  role: string | null;
}

export interface MissionVisitsTable {
  id: Generated<number>;
  mission_id: number;
  /** The unit visited, or null when the visit was to the authority named beside. */
  org_unit_id: number | null;
  authority: string | null;
  date: DateColumn;
  people_met: ColumnType<string[], string[] | undefined, string[]>;
  findings: string | null;
  created_at: Timestamp;
}

export interface MissionVisitFiguresTable {
  id: Generated<number>;
  visit_id: number;
  label: string;
  value: number;
  unit: string | null;
}

export interface MissionRecommendationsTable {
  id: Generated<number>;
  mission_id: number;
  text: string;
  /** An account owns it, or a name (and maybe an e-mail) does: never both. */
  owner_user_id: number | null;
  owner_name: string | null;
  owner_email: string | null;
  due_date: DateColumn;
  status: ColumnType<string, string | undefined, string>;
  key: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MissionFollowUpsTable {
  id: Generated<number>;
  recommendation_id: number;
  date: DateColumn;
  note: string;
  status: string;
  created_at: Timestamp;
}

export interface TestimonialsTable {
  id: Generated<number>;
  programme_id: number;
  speaker_role: string;
  /** Null when the speaker is a registered midwife (`midwife_id`): her name is the register's. */
  speaker_name: string | null;
  midwife_id: number | null;
  org_unit_id: number | null;
  place: string | null;
  date: DateColumn;
  quote: string;
  summary: string | null;
  language: string;
  video_url: string | null;
  face_visible: ColumnType<boolean, boolean | undefined, boolean>;
  minor: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TestimonialConsentsTable {
  id: Generated<number>;
  testimonial_id: number;
  consenter_name: string;
  date: DateColumn;
  uses: string[];
  method: string;
  witness_name: string | null;
  guardian_name: string | null;
  named: boolean;
  withdrawn_on: DateColumn | null;
  created_at: Timestamp;
}

export interface TestimonialPhotosTable {
  testimonial_id: number;
  /** The re-encoded JPEG (no metadata); a Buffer on PostgreSQL, a Uint8Array on PGlite. */
  jpeg: Uint8Array;
  width: number;
  height: number;
  created_at: Timestamp;
}
