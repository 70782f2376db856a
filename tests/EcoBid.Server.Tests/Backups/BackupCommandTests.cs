using System.Text.Json;
using System.Text.Json.Nodes;
using EcoBid.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EcoBid.Server.Tests.Backups;

/// <summary><c>ecobid backup verify</c> and <c>restore</c> through the real executable: what they refuse, and why.</summary>
[Trait("Category", "Crash")]
public sealed class BackupCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Restore_refuses_a_running_servers_folder_and_existing_data_without_force_and_restores_with_it()
    {
        await using var server = ServerProcess.Create();
        var backups = Path.Combine(server.RootDirectory, "backups");
        try
        {
            await server.StartAsync();
            await server.SignUpAdminAsync();
            using var client = server.CreateClient();
            var kept = await client.CreateItemAsync(Requests.Item(title: "Kept by the backup"));
            var (code, text) = await server.RunCliAsync("backup", "create", "--to", backups);
            code.ShouldBe(0, text);
            var folder = Directory.GetDirectories(backups).ShouldHaveSingleItem();
            var lost = await client.CreateItemAsync(Requests.Item(title: "Posted after the backup"));

            (code, text) = await server.RunCliAsync("backup", "restore", folder, "--force");
            code.ShouldBe(1, text);
            text.ShouldContain("A server is running");

            await server.StopAsync();
            (code, text) = await server.RunCliAsync("backup", "restore", folder);
            code.ShouldBe(1, text);
            text.ShouldContain("already holds data");
            text.ShouldContain("--force");

            (code, text) = await server.RunCliAsync("backup", "restore", folder, "--force");
            code.ShouldBe(0, text);
            await server.StartAsync();
            (await client.GetAsync($"/items/{kept}")).IsSuccessStatusCode.ShouldBeTrue();
            await (await client.GetAsync($"/items/{lost}")).ShouldBeProblemAsync(404);
        }
        catch
        {
            server.KeepRootDirectory = true;
            output.WriteLine(server.LogTail());
            throw;
        }
    }

    [Fact]
    public async Task Verify_finds_a_changed_file_and_a_damaged_database_and_restore_refuses_a_backup_that_does_not_verify()
    {
        await using var server = ServerProcess.Create();
        var backups = Path.Combine(server.RootDirectory, "backups");
        await server.StartAsync();
        await server.SignUpAdminAsync();
        var (code, text) = await server.RunCliAsync("backup", "create", "--to", backups);
        code.ShouldBe(0, text);
        await server.StopAsync();
        var folder = Directory.GetDirectories(backups).ShouldHaveSingleItem();
        (await server.RunCliAsync("backup", "verify", folder)).ExitCode.ShouldBe(0);

        // A copied file changed after the backup was written (the admin's verification email, in the mail folder).
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!;
        var mail = manifest["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).First(p => p.StartsWith("mail/", StringComparison.Ordinal));
        await File.AppendAllTextAsync(Path.Combine(folder, "files", mail), "tampered");
        (code, text) = await server.RunCliAsync("backup", "verify", folder);
        code.ShouldBe(1, text);
        text.ShouldContain(mail.Split('/')[^1]);

        (code, text) = await server.RunCliAsync("backup", "restore", folder, "--data-dir", Path.Combine(server.RootDirectory, "elsewhere"));
        code.ShouldBe(1, text);
        text.ShouldContain("does not verify");
        File.Exists(Path.Combine(server.RootDirectory, "elsewhere", "ecobid.db")).ShouldBeFalse();

        // Damage inside the database, with a manifest that matches it: only SQLite's own check can tell.
        await File.WriteAllTextAsync(Path.Combine(folder, "files", mail), await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, mail)));
        var database = Path.Combine(folder, "ecobid.db");
        var bytes = await File.ReadAllBytesAsync(database);
        Array.Fill(bytes, (byte)0xA5, 4096 * 3, 4096 * 2);
        await File.WriteAllBytesAsync(database, bytes);
        manifest["database"]!["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), manifest.ToJsonString());
        (code, text) = await server.RunCliAsync("backup", "verify", folder);
        code.ShouldBe(1, text);
        text.ShouldContain("ecobid.db:");
    }
}
