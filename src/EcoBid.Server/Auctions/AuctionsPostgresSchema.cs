using EcoBid.Events.Postgres;

namespace EcoBid.Server.Auctions;

/// <summary>
/// The auction tables of <see cref="AuctionsSchema"/> on PostgreSQL, in the shape the SQLite scripts arrive at. Columns
/// keep SQLite's storage classes (prices and times in <c>bigint</c>, <c>sold</c> a 0/1 flag). The reference from
/// <c>auctions.item_id</c> to <c>items</c> is added by <see cref="Hosting.CrossFeatureKeysPostgresSchema"/>: this
/// component is migrated before <c>items</c> exists.
/// </summary>
public static class AuctionsPostgresSchema
{
    public static IReadOnlyList<PostgresSchemaScript> Scripts { get; } =
    [
        new("auctions", 1, """
            CREATE TABLE auctions (
                id text PRIMARY KEY,
                item_id text NOT NULL,
                seller_id text NOT NULL,
                currency text NOT NULL,
                start_price bigint NOT NULL,
                reserve_price bigint,
                buy_now_price bigint,
                increments text NOT NULL,
                soft_close_window_ms bigint NOT NULL,
                soft_close_cap_ms bigint NOT NULL,
                status text NOT NULL,
                starts_at bigint NOT NULL,
                original_end bigint NOT NULL,
                effective_end bigint NOT NULL,
                current_price bigint,
                leader_id text,
                leader_max bigint,
                runner_up_max bigint,
                bid_count bigint NOT NULL DEFAULT 0,
                bidder_count bigint NOT NULL DEFAULT 0,
                closed_at bigint,
                sold bigint,
                winner_id text,
                winning_bid bigint,
                reservation_id text,
                cancelled_at bigint
            );
            -- One open auction per item; after an unsold end or a cancel the seller may start another.
            CREATE UNIQUE INDEX ux_auctions_open_item ON auctions (item_id) WHERE status = 'open';
            CREATE INDEX ix_auctions_item ON auctions (item_id, starts_at);
            -- The AuctionEndCheck sweep looks only at open auctions, by end.
            CREATE INDEX ix_auctions_open_end ON auctions (effective_end) WHERE status = 'open';
            -- Keyed by position in the auction, the order bids were decided in.
            CREATE TABLE bids (
                auction_id text NOT NULL REFERENCES auctions (id),
                seq bigint NOT NULL,
                id text NOT NULL,
                bidder_id text NOT NULL,
                max_amount bigint NOT NULL,
                kind text NOT NULL,
                placed_at bigint NOT NULL,
                price_after bigint NOT NULL,
                leader_after text NOT NULL,
                end_after bigint NOT NULL,
                PRIMARY KEY (auction_id, seq)
            );
            CREATE TABLE auction_bidders (
                auction_id text NOT NULL REFERENCES auctions (id),
                bidder_id text NOT NULL,
                alias bigint NOT NULL,
                max_amount bigint NOT NULL,
                bids bigint NOT NULL,
                first_bid_at bigint NOT NULL,
                last_bid_at bigint NOT NULL,
                PRIMARY KEY (auction_id, bidder_id)
            );
            CREATE INDEX ix_auction_bidders_bidder ON auction_bidders (bidder_id, last_bid_at);
            -- A retried POST (same user, same Idempotency-Key) gets the stored answer instead of bidding again.
            CREATE TABLE auction_requests (
                user_id text NOT NULL,
                idempotency_key text NOT NULL,
                request text NOT NULL,
                response text NOT NULL,
                created_at bigint NOT NULL,
                UNIQUE (user_id, idempotency_key)
            );
            -- DailyCleanup forgets stored answers past Auctions:IdempotencyRetention, oldest first.
            CREATE INDEX ix_auction_requests_created ON auction_requests (created_at);
            """),
    ];
}
