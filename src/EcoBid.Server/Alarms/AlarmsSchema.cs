using EcoBid.Events.Sqlite;

namespace EcoBid.Server.Alarms;

/// <summary>
/// Alarm state, shared by every process on the file: one row per alarm (<c>state</c> is <c>OK</c> or <c>ALARM</c>,
/// changed only by a compare-and-set, so two processes cannot both raise it), and the history of transitions.
/// </summary>
public static class AlarmsSchema
{
    public static IReadOnlyList<SchemaScript> Scripts { get; } =
    [
        new("alarms", 1, """
            CREATE TABLE alarm_states (
                name TEXT PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('OK', 'ALARM')),
                since INTEGER NOT NULL,
                value REAL,
                reason TEXT
            );
            CREATE TABLE alarm_transitions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                value REAL,
                threshold REAL NOT NULL,
                reason TEXT NOT NULL,
                at INTEGER NOT NULL
            );
            """),
    ];
}
