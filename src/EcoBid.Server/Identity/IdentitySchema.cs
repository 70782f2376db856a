using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Identity;

/// <summary>
/// Accounts, refresh-token families, one-time account tokens (verification, password reset) and the outbox of the
/// emails that carry those tokens.
/// </summary>
public static class IdentitySchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("identity", 1, """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'user',
                email_verified_at INTEGER,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                locked_until INTEGER,
                totp_secret TEXT,
                totp_enabled INTEGER NOT NULL DEFAULT 0,
                totp_last_step INTEGER,
                home_lat REAL,
                home_lon REAL,
                notification_prefs TEXT NOT NULL DEFAULT '{}',
                rating_sum INTEGER NOT NULL DEFAULT 0,
                rating_count INTEGER NOT NULL DEFAULT 0,
                completed_pickups INTEGER NOT NULL DEFAULT 0,
                no_shows INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE TABLE refresh_tokens (
                token_hash TEXT PRIMARY KEY,
                family_id TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users (id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER,
                revoked_at INTEGER
            ) WITHOUT ROWID;
            CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
            CREATE TABLE account_tokens (
                token_hash TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id),
                purpose TEXT NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER
            ) WITHOUT ROWID;
            """),

        // Account emails are queued in the transaction that creates their token and sent afterwards by
        // AccountEmailDelivery, outside any write transaction. due_at is the next send, or while a sender holds the
        // row, the end of its lease. The body holds the live token: the row goes once the email is sent or given up.
        new("identity", 2, """
            CREATE TABLE account_email_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id TEXT NOT NULL,
                purpose TEXT NOT NULL,
                recipient TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                due_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                last_error TEXT,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ix_account_email_outbox_due ON account_email_outbox (due_at);
            """),

        // locale: the language a person reads EcoBid in; notification texts and the amounts in them are written for it.
        // verification_requested_at: the last time a new verification link was asked for (one per address per minute).
        new("identity", 3, """
            ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
            ALTER TABLE users ADD COLUMN verification_requested_at INTEGER;
            """),

        // Failed sign-ins are counted per address, known or not, so a lockout never tells which addresses have
        // accounts. users.failed_logins and users.locked_until are no longer read (a lock in force at the upgrade ends).
        new("identity", 4, """
            CREATE TABLE login_failures (
                email_key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                locked_until INTEGER,
                last_failed_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
    ];
}
