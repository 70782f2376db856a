using System.Data.Common;
using Dapper;
using EcoBid.Server.Storage;

namespace EcoBid.Server.Identity;

/// <summary>Someone another resource names, as a screen shows them: their id and display name.</summary>
public sealed record PersonSummary(string Id, string DisplayName)
{
    public static async Task<IReadOnlyDictionary<string, PersonSummary>> ForAsync(DbConnection connection, IEnumerable<string?> userIds, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, PersonSummary>(StringComparer.Ordinal);
        }

        var rows = await connection.QueryAsync<PersonSummary>(SqlLists.For(connection, "SELECT id AS Id, display_name AS DisplayName FROM users WHERE id IN @ids"), new { ids }, transaction);
        return rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }
}
