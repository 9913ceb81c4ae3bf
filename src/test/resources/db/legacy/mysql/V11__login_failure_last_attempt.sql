-- Version 11: when an account last failed to sign in (epoch milliseconds, 0 for none). Its next attempt is looked at
-- only once the delay that failure earned has passed; an earlier attempt is answered at once with how long to wait,
-- instead of being held on a request thread.
ALTER TABLE ${prefix}login_failures ADD COLUMN last_failure_at BIGINT NOT NULL DEFAULT 0;
