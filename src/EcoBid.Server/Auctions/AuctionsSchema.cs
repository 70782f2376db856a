using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Auctions;

/// <summary>Auctions, their bids, their bidders (with per-auction aliases) and the bid requests already answered.</summary>
public static class AuctionsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("auctions", 1, """
            CREATE TABLE auctions (
                id TEXT PRIMARY KEY,
                item_id TEXT NOT NULL REFERENCES items (id),
                seller_id TEXT NOT NULL,
                currency TEXT NOT NULL,
                start_price INTEGER NOT NULL,
                reserve_price INTEGER,
                buy_now_price INTEGER,
                increments TEXT NOT NULL,
                soft_close_window_ms INTEGER NOT NULL,
                soft_close_cap_ms INTEGER NOT NULL,
                status TEXT NOT NULL,
                starts_at INTEGER NOT NULL,
                original_end INTEGER NOT NULL,
                effective_end INTEGER NOT NULL,
                current_price INTEGER,
                leader_id TEXT,
                leader_max INTEGER,
                runner_up_max INTEGER,
                bid_count INTEGER NOT NULL DEFAULT 0,
                bidder_count INTEGER NOT NULL DEFAULT 0,
                closed_at INTEGER,
                sold INTEGER,
                winner_id TEXT,
                winning_bid INTEGER,
                reservation_id TEXT,
                cancelled_at INTEGER
            );
            -- One open auction per item; after an unsold end or a cancel the seller may start another.
            CREATE UNIQUE INDEX ux_auctions_open_item ON auctions (item_id) WHERE status = 'open';
            CREATE INDEX ix_auctions_item ON auctions (item_id, starts_at);
            -- The AuctionEndCheck sweep looks only at open auctions, by end.
            CREATE INDEX ix_auctions_open_end ON auctions (effective_end) WHERE status = 'open';
            -- Keyed by position in the auction, the order bids were decided in; the id is for clients and not indexed,
            -- so a bid costs one b-tree insert.
            CREATE TABLE bids (
                auction_id TEXT NOT NULL REFERENCES auctions (id),
                seq INTEGER NOT NULL,
                id TEXT NOT NULL,
                bidder_id TEXT NOT NULL,
                max_amount INTEGER NOT NULL,
                kind TEXT NOT NULL,
                placed_at INTEGER NOT NULL,
                price_after INTEGER NOT NULL,
                leader_after TEXT NOT NULL,
                end_after INTEGER NOT NULL,
                PRIMARY KEY (auction_id, seq)
            ) WITHOUT ROWID;
            CREATE TABLE auction_bidders (
                auction_id TEXT NOT NULL REFERENCES auctions (id),
                bidder_id TEXT NOT NULL,
                alias INTEGER NOT NULL,
                max_amount INTEGER NOT NULL,
                bids INTEGER NOT NULL,
                first_bid_at INTEGER NOT NULL,
                last_bid_at INTEGER NOT NULL,
                PRIMARY KEY (auction_id, bidder_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_auction_bidders_bidder ON auction_bidders (bidder_id, last_bid_at);
            -- A retried POST (same user, same Idempotency-Key) gets the stored answer instead of bidding again.
            -- A rowid table: the stored answers are large for a WITHOUT ROWID b-tree, and only the key is looked up.
            CREATE TABLE auction_requests (
                user_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                request TEXT NOT NULL,
                response TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                UNIQUE (user_id, idempotency_key)
            );
            """),
        new("auctions", 2, """
            -- DailyCleanup forgets stored answers past Auctions:IdempotencyRetention, oldest first.
            CREATE INDEX ix_auction_requests_created ON auction_requests (created_at);
            """),
    ];
}
