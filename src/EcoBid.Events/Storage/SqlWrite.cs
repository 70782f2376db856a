namespace EcoBid.Events.Storage;

/// <summary>
/// A write statement and its values, for <see cref="IWriteScope.WriteAllAsync"/>. Parameters are named with their
/// prefix (<c>@id</c>, which SQLite and PostgreSQL both read) and given in one fixed order for one text.
/// </summary>
public sealed record SqlWrite(string Sql, params (string Name, object? Value)[] Parameters);
