namespace EcoBid.Server.Http;

/// <summary>
/// Problem <c>type</c> URIs for the problems a client must tell apart from others with the same status code. They
/// name the problem; docs/accounts.md (and the other docs) say what to do about each.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://ecobid.dev/problems/";

    /// <summary>A TOTP code that was right but already spent: wait for the next code.</summary>
    public const string TotpCodeUsed = Base + "totp-code-used";
}
