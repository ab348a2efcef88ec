/** One numbered schema migration. Never edit an applied one; add the next number. */
export interface PostgresMigration {
  version: number
  name: string
  sql: string
}

/**
 * The PostgreSQL schema, in order (the same tables as SQLite's). Timestamps stay ISO-8601 text, as the
 * port hands them over (`toISOString()`, so text order is time order); JSON columns are jsonb; ticket
 * numbers come from a sequence, so engines sharing the database never hand out one twice.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE SEQUENCE ticket_number_seq;
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  queue TEXT NOT NULL,
  state TEXT NOT NULL,
  priority TEXT NOT NULL,
  type TEXT, service TEXT, sla TEXT, owner TEXT, responsible TEXT,
  customer_user TEXT, customer_id TEXT,
  lock TEXT NOT NULL DEFAULT 'unlock' CHECK (lock IN ('lock', 'unlock')),
  pending_time TEXT,
  dynamic_fields JSONB NOT NULL DEFAULT '{}',
  test BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tickets_queue ON tickets (queue);
CREATE INDEX tickets_customer_user ON tickets (customer_user);
CREATE INDEX tickets_created ON tickets (created_at DESC, seq DESC);
CREATE TABLE articles (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  channel TEXT NOT NULL,
  visible_for_customer BOOLEAN NOT NULL,
  sender_type TEXT NOT NULL,
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX articles_ticket ON articles (ticket_id, id);
CREATE TABLE ticket_links (
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  source_ticket_id TEXT NOT NULL REFERENCES tickets (id),
  target_ticket_id TEXT NOT NULL REFERENCES tickets (id),
  type TEXT NOT NULL CHECK (type IN ('ParentChild', 'Normal')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (source_ticket_id, target_ticket_id, type)
);
CREATE INDEX ticket_links_target ON ticket_links (target_ticket_id);
CREATE TABLE processes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'fade-away', 'inactive')),
  active_version INTEGER,
  active_hash TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Deployments form one chain: each is based on the one before it. Two engines deploying on the same
-- base at once collide here (NULLS NOT DISTINCT: also the first deployment of an empty engine).
CREATE TABLE deployments (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  based_on TEXT,
  source JSONB NOT NULL,
  plan JSONB NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CONSTRAINT deployments_one_chain UNIQUE NULLS NOT DISTINCT (based_on)
);
CREATE TABLE process_versions (
  process_id TEXT NOT NULL REFERENCES processes (id),
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  definition JSONB NOT NULL,
  source_commit TEXT NOT NULL,
  deployment_id TEXT NOT NULL REFERENCES deployments (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (process_id, version),
  UNIQUE (process_id, hash)
);
CREATE TABLE instances (
  id TEXT PRIMARY KEY,
  seq_no BIGINT GENERATED ALWAYS AS IDENTITY,
  process_id TEXT NOT NULL,
  version TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'incident', 'canceled')),
  activity TEXT,
  waiting JSONB,
  parent_instance_id TEXT REFERENCES instances (id),
  parent_key TEXT,
  parent JSONB,
  incident JSONB,
  seq INTEGER NOT NULL,
  test BOOLEAN NOT NULL,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX instances_ticket ON instances (ticket_id, status);
CREATE INDEX instances_process ON instances (process_id, status);
CREATE INDEX instances_parent ON instances (parent_instance_id, parent_key);
CREATE INDEX instances_started ON instances (started_at DESC, seq_no DESC);
CREATE TABLE user_tasks (
  id TEXT PRIMARY KEY,
  seq BIGINT GENERATED ALWAYS AS IDENTITY,
  instance_id TEXT NOT NULL REFERENCES instances (id),
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  process_id TEXT NOT NULL,
  version TEXT NOT NULL,
  activity TEXT NOT NULL,
  dialogs JSONB NOT NULL,
  for_agent BOOLEAN NOT NULL,
  for_customer BOOLEAN NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  test BOOLEAN NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX user_tasks_open ON user_tasks (status, instance_id, activity);
CREATE TABLE jobs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload JSONB NOT NULL,
  instance_id TEXT,
  ticket_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'leased', 'done', 'failed')),
  run_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at TEXT,
  last_error TEXT,
  result JSONB,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_pending ON jobs (run_at, id) WHERE status = 'pending';
CREATE INDEX jobs_leased ON jobs (lease_expires_at) WHERE status = 'leased';
CREATE INDEX jobs_instance ON jobs (instance_id);
CREATE INDEX jobs_ticket ON jobs (ticket_id);
CREATE TABLE history (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  instance_id TEXT,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  entry JSONB NOT NULL
);
CREATE INDEX history_ticket ON history (ticket_id, id);
CREATE INDEX history_instance ON history (instance_id, id);
CREATE TABLE emails (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  ticket_id TEXT,
  instance_id TEXT,
  recipients JSONB NOT NULL,
  template TEXT,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('captured', 'queued', 'sent', 'failed')),
  test BOOLEAN NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX emails_ticket ON emails (ticket_id);
CREATE TABLE target (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  snapshot JSONB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  scopes JSONB NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
]
