namespace EcoBid.Server.Aws.Protocol;

/// <summary>Every service spoken at <c>/aws</c>, found by the prefix of <c>X-Amz-Target</c>.</summary>
public sealed class AwsServiceRegistry(IEnumerable<AwsService> services)
{
    private readonly Dictionary<string, AwsService> _byPrefix = services.ToDictionary(s => s.TargetPrefix, StringComparer.Ordinal);

    /// <summary>The service and action named by <c>Prefix.Action</c>; either is null when unknown.</summary>
    public (AwsService? Service, AwsAction? Action) Find(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return (null, null);
        }

        var dot = target.LastIndexOf('.');
        if (dot <= 0 || !_byPrefix.TryGetValue(target[..dot], out var service))
        {
            return (null, null);
        }

        return (service, service.Actions.GetValueOrDefault(target[(dot + 1)..]));
    }
}
