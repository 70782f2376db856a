using System.Net.Mail;

namespace EcoBid.Domain.Users;

public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The address trimmed and lower-cased (accounts are found by it), or null when it is not one.</summary>
    public static string? Normalize(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaxLength || trimmed.Any(char.IsControl) || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }
}
