using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Notifications;

/// <summary>
/// What turns events into something people see: the inbox (one row per notification, with each channel's state),
/// saved searches with their R*Tree of bounding boxes, the once-per-item alert marks, conversations and messages,
/// blocks, and the little auction memory the outbid and loser notices need.
/// </summary>
public static class NotificationsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("notifications", 1, """
            -- The id is the inbox cursor and the live channel's resume point: it only grows (AUTOINCREMENT never reuses).
            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                data TEXT NOT NULL DEFAULT '{}',
                caused_by TEXT,
                dedupe_key TEXT NOT NULL UNIQUE,
                in_inbox INTEGER NOT NULL,
                push INTEGER NOT NULL,
                email_status TEXT,
                email_attempts INTEGER NOT NULL DEFAULT 0,
                email_due_at INTEGER,
                email_error TEXT,
                created_at INTEGER NOT NULL,
                read_at INTEGER
            );
            CREATE INDEX ix_notifications_user ON notifications (user_id, id);
            CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL AND in_inbox = 1;
            CREATE INDEX ix_notifications_email_due ON notifications (email_due_at) WHERE email_status IN ('pending', 'sending');

            -- seq keys the R*Tree: an explicit INTEGER PRIMARY KEY, because VACUUM may renumber implicit rowids.
            CREATE TABLE saved_searches (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                user_id TEXT NOT NULL,
                name TEXT NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                radius_km REAL NOT NULL,
                categories TEXT NOT NULL,
                keywords TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE INDEX ix_saved_searches_user ON saved_searches (user_id);
            CREATE VIRTUAL TABLE saved_search_boxes USING rtree (seq, min_lat, max_lat, min_lon, max_lon);
            CREATE TABLE nearby_alerts (
                item_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                alerted_at INTEGER NOT NULL,
                PRIMARY KEY (item_id, user_id)
            ) WITHOUT ROWID;

            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                item_id TEXT NOT NULL,
                visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
                owner_id TEXT NOT NULL,
                other_id TEXT,
                created_at INTEGER NOT NULL,
                last_message_at INTEGER
            );
            CREATE UNIQUE INDEX ux_conversations_public ON conversations (item_id) WHERE visibility = 'public';
            CREATE UNIQUE INDEX ux_conversations_private ON conversations (item_id, other_id) WHERE visibility = 'private';
            CREATE INDEX ix_conversations_owner ON conversations (owner_id);
            CREATE INDEX ix_conversations_other ON conversations (other_id);
            CREATE TABLE messages (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                conversation_id TEXT NOT NULL REFERENCES conversations (id),
                sender_id TEXT NOT NULL,
                body TEXT NOT NULL,
                status TEXT NOT NULL,
                failure TEXT,
                created_at INTEGER NOT NULL,
                saved_at INTEGER
            );
            CREATE INDEX ix_messages_conversation ON messages (conversation_id, seq);
            CREATE TABLE user_blocks (
                blocker_id TEXT NOT NULL,
                blocked_id TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (blocker_id, blocked_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_user_blocks_blocked ON user_blocks (blocked_id, blocker_id);

            CREATE TABLE auction_leaders (
                auction_id TEXT PRIMARY KEY,
                leader_id TEXT NOT NULL,
                bid_count INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE auction_notice_bidders (
                auction_id TEXT NOT NULL,
                bidder_id TEXT NOT NULL,
                PRIMARY KEY (auction_id, bidder_id)
            ) WITHOUT ROWID;
            """),
        new("notifications", 2, """
            -- A saved search whose circle crosses the ±180° meridian needs two boxes, one on each side (v1 clamped
            -- the box at ±180° and missed the far side). Box ids are seq * 2 + piece: a search's boxes are found by
            -- rowid, and the search from a box by id >> 1.
            CREATE VIRTUAL TABLE saved_search_pieces USING rtree (id, min_lat, max_lat, min_lon, max_lon);
            INSERT INTO saved_search_pieces (id, min_lat, max_lat, min_lon, max_lon)
                SELECT seq * 2, min_lat, max_lat, min_lon, max_lon FROM saved_search_boxes;
            -- A v1 box was symmetric about its search's longitude, so a clamped edge tells how far the circle went over.
            INSERT INTO saved_search_pieces (id, min_lat, max_lat, min_lon, max_lon)
                SELECT b.seq * 2 + 1, b.min_lat, b.max_lat, -180, 2 * s.lon - b.min_lon - 360
                FROM saved_search_boxes b JOIN saved_searches s ON s.seq = b.seq
                WHERE b.max_lon >= 180 AND b.min_lon > -180 AND 2 * s.lon - b.min_lon > 180;
            INSERT INTO saved_search_pieces (id, min_lat, max_lat, min_lon, max_lon)
                SELECT b.seq * 2 + 1, b.min_lat, b.max_lat, 2 * s.lon - b.max_lon + 360, 180
                FROM saved_search_boxes b JOIN saved_searches s ON s.seq = b.seq
                WHERE b.min_lon <= -180 AND b.max_lon < 180 AND 2 * s.lon - b.max_lon < -180;
            DROP TABLE saved_search_boxes;
            ALTER TABLE saved_search_pieces RENAME TO saved_search_boxes;
            """),

        // NotifyLoser now hears AuctionLost, which names each bidder who did not win: it keeps no list of its own.
        new("notifications", 3, """
            DROP TABLE auction_notice_bidders;
            """),
    ];
}
