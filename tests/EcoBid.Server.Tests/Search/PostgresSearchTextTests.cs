using EcoBid.Server.Items.Search;

namespace EcoBid.Server.Tests.Search;

/// <summary>The folding the PostgreSQL search applies to indexed and searched words alike.</summary>
public sealed class PostgresSearchTextTests
{
    [Theory]
    [InlineData("Café table", "Cafe table")]
    [InlineData("Łóżko dziecięce", "Lozko dzieciece")]
    [InlineData("Smörgåsbord Ñandú", "Smorgasbord Nandu")]
    [InlineData("plain words 123", "plain words 123")]
    [InlineData("漢字 и кириллица", "漢字 и кириллица")]
    public void Diacritics_are_folded_and_everything_else_is_kept(string text, string expected) =>
        PostgresSearchText.Fold(text).ShouldBe(expected);
}
