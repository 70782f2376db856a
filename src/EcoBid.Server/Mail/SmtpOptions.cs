namespace EcoBid.Server.Mail;

/// <summary>Configuration section <c>Mail:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
