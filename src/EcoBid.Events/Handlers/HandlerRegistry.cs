namespace EcoBid.Events.Handlers;

/// <summary>The handler names registered in this process, to check the rules file against at start-up.</summary>
public sealed class HandlerRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    internal void Add(string name) => _names.Add(name);
}
