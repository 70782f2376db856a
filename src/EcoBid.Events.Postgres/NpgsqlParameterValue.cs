using NpgsqlTypes;

namespace EcoBid.Events.Postgres;

/// <summary>A parameter value with its PostgreSQL type spelled out, for a null whose type the statement cannot infer.</summary>
internal sealed record NpgsqlParameterValue(object? Value, NpgsqlDbType Type);
