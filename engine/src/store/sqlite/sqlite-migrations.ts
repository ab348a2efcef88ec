/** One numbered schema migration. Never edit an applied one; add the next number. */
export interface Migration {
  version: number
  name: string
  sql: string
}

/** The SQLite schema, in order. Applied in one transaction when the store opens. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  queue TEXT NOT NULL,
  state TEXT NOT NULL,
  priority TEXT NOT NULL,
  type TEXT, service TEXT, sla TEXT, owner TEXT, responsible TEXT,
  customer_user TEXT, customer_id TEXT,
  lock TEXT NOT NULL DEFAULT 'unlock' CHECK (lock IN ('lock', 'unlock')),
  pending_time TEXT,
  dynamic_fields TEXT NOT NULL DEFAULT '{}',
  test INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX tickets_queue ON tickets (queue);
CREATE INDEX tickets_customer_user ON tickets (customer_user);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  channel TEXT NOT NULL,
  visible_for_customer INTEGER NOT NULL,
  sender_type TEXT NOT NULL,
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE INDEX articles_ticket ON articles (ticket_id);
CREATE TABLE ticket_links (
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
CREATE TABLE deployments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  based_on TEXT,
  source TEXT NOT NULL,
  plan TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE process_versions (
  process_id TEXT NOT NULL REFERENCES processes (id),
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  definition TEXT NOT NULL,
  source_commit TEXT NOT NULL,
  deployment_id TEXT NOT NULL REFERENCES deployments (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (process_id, version),
  UNIQUE (process_id, hash)
);
CREATE TABLE instances (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL,
  version TEXT NOT NULL,
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'incident', 'canceled')),
  activity TEXT,
  waiting TEXT,
  parent_instance_id TEXT REFERENCES instances (id),
  parent_key TEXT,
  parent TEXT,
  incident TEXT,
  seq INTEGER NOT NULL,
  test INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX instances_ticket ON instances (ticket_id, status);
CREATE INDEX instances_process ON instances (process_id, status);
CREATE INDEX instances_parent ON instances (parent_instance_id, parent_key);
CREATE TABLE user_tasks (
  id TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL REFERENCES instances (id),
  ticket_id TEXT NOT NULL REFERENCES tickets (id),
  process_id TEXT NOT NULL,
  version TEXT NOT NULL,
  activity TEXT NOT NULL,
  dialogs TEXT NOT NULL,
  for_agent INTEGER NOT NULL,
  for_customer INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  test INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX user_tasks_open ON user_tasks (status, instance_id, activity);
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  instance_id TEXT,
  ticket_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('pending', 'leased', 'done', 'failed')),
  run_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_expires_at TEXT,
  last_error TEXT,
  result TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (status, run_at);
CREATE INDEX jobs_instance ON jobs (instance_id);
CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL,
  instance_id TEXT,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  entry TEXT NOT NULL
);
CREATE INDEX history_ticket ON history (ticket_id, id);
CREATE INDEX history_instance ON history (instance_id, id);
CREATE TABLE emails (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  ticket_id TEXT,
  instance_id TEXT,
  recipients TEXT NOT NULL,
  template TEXT,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('captured', 'queued', 'sent', 'failed')),
  test INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX emails_ticket ON emails (ticket_id);
CREATE TABLE target (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  snapshot TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
]
