-- Indexes for pruning old rows (core/ops.c): each DELETE finds its rows by age alone.

CREATE INDEX login_attempts_at ON login_attempts(at);
CREATE INDEX outbox_sent_at ON outbox(sent_at) WHERE state = 'sent';
CREATE INDEX notifications_read_at ON notifications(read_at) WHERE read_at IS NOT NULL;
