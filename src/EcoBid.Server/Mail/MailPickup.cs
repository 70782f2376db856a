using System.Globalization;
using System.Text;
using EcoBid.Server.Hosting;

namespace EcoBid.Server.Mail;

/// <summary>
/// Writes each email as an RFC 5322 <c>.eml</c> file into a pickup folder (<c>$ECOBID_DATA_DIR/mail</c> by default),
/// where a developer can read it or a mail relay can collect it. Files appear whole (written, then renamed).
/// </summary>
public sealed class MailPickup(IConfiguration configuration, TimeProvider clock)
{
    public const string FromAddress = "EcoBid <no-reply@ecobid.local>";

    public string Folder { get; } = configuration?["Mail:PickupFolder"] is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(EcoBidPaths.DataDir(configuration!), "mail");

    public async Task<string> WriteAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(subject);
        if (to.Any(char.IsControl) || subject.Any(char.IsControl))
        {
            throw new ArgumentException("Header values must not contain control characters.");
        }

        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var message = new StringBuilder()
            .Append("From: ").Append(FromAddress).Append("\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Subject: ").Append(EncodeHeader(subject)).Append("\r\n")
            .Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(id).Append("@ecobid.local>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(body.ReplaceLineEndings("\r\n"))
            .Append("\r\n")
            .ToString();
        var path = Path.Combine(Folder, $"{now:yyyyMMddTHHmmssfff}-{id}.eml");
        await File.WriteAllTextAsync(path + ".tmp", message, new UTF8Encoding(false), cancellationToken);
        File.Move(path + ".tmp", path);
        return path;
    }

    /// <summary>RFC 2047 encoded-word for non-ASCII subjects.</summary>
    private static string EncodeHeader(string value) =>
        value.All(char.IsAscii) ? value : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";
}
