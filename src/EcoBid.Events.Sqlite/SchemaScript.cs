namespace EcoBid.Events.Sqlite;

/// <summary>One forward-only schema step of a component (the runtime, or the application's state).</summary>
/// <param name="RebuildsTables">
/// The step drops and recreates a table that other tables' foreign keys point at (SQLite cannot alter a table in
/// place). It then runs with foreign keys off, as SQLite's documented table rebuild asks (with them on, dropping the
/// old table deletes its rows and fails on every row that is pointed at), and the whole database's foreign keys are
/// checked before the step commits.
/// </param>
public sealed record SchemaScript(string Component, int Version, string Sql, bool RebuildsTables = false);
