namespace EcoBid.Domain.Users;

/// <summary>The password policy the seeds give Cognito: 8 or more characters with an upper, a lower and a digit.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;

    /// <summary>Long enough for any passphrase; short enough that hashing cannot be used to burn CPU.</summary>
    public const int MaxLength = 128;

    public static IReadOnlyList<string> Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["The password is required."];
        }

        var faults = new List<string>();
        if (password.Length < MinLength)
        {
            faults.Add($"The password must have at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            faults.Add($"The password must have at most {MaxLength} characters.");
        }

        if (!password.Any(char.IsUpper))
        {
            faults.Add("The password needs an upper-case letter.");
        }

        if (!password.Any(char.IsLower))
        {
            faults.Add("The password needs a lower-case letter.");
        }

        if (!password.Any(char.IsDigit))
        {
            faults.Add("The password needs a digit.");
        }

        return faults;
    }
}
