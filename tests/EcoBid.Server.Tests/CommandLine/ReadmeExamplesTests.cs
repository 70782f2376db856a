using System.Text.RegularExpressions;
using EcoBid.Server.Tests.Infrastructure;

namespace EcoBid.Server.Tests.CommandLine;

/// <summary>The README's and the docs' examples run as written: the files they read exist, admin calls carry the token.</summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public async Task The_test_pattern_example_reads_a_shipped_event_and_answers_true_from_the_built_executable()
    {
        var line = File.ReadAllLines(Path.Combine(Root, "README.md")).Single(l => l.StartsWith("ecobid events test-pattern", StringComparison.Ordinal));
        var example = TestPatternExample().Match(line);
        example.Success.ShouldBeTrue(line);
        var eventFile = Path.Combine(Root, example.Groups["file"].Value);
        File.Exists(eventFile).ShouldBeTrue(eventFile);

        await using var server = ServerProcess.Create();
        var (exitCode, output) = await server.RunCliAsync("events", "test-pattern", "--pattern", example.Groups["pattern"].Value, "--event", await File.ReadAllTextAsync(eventFile));

        exitCode.ShouldBe(0, output);
        output.Trim().ShouldBe("true");
    }

    [Fact]
    public void The_readme_names_the_built_executable_where_the_build_puts_it()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        readme.ShouldContain("src/EcoBid.Server/bin/Release/net10.0/ecobid queues");
        File.Exists(Path.Combine(AppContext.BaseDirectory, "ecobid.dll")).ShouldBeTrue("the server assembly is named ecobid");
    }

    [Fact]
    public void Every_admin_curl_example_sends_the_access_token()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"));
        var adminCalls = files.SelectMany(f => File.ReadAllLines(f).Select(l => (File: Path.GetFileName(f), Line: l)))
            .Where(x => x.Line.Contains("curl", StringComparison.Ordinal) && x.Line.Contains("/admin/", StringComparison.Ordinal))
            .ToList();

        adminCalls.Count.ShouldBeGreaterThan(5);
        adminCalls.ShouldAllBe(x => x.Line.Contains("authorization: Bearer $TOKEN", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_readme_keeps_its_first_screen()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        readme.ShouldContain("""
            ```sh
            dotnet run --project src/EcoBid.Server       # EcoBid on http://localhost:8080, data under ./data
            ./test.sh                                    # every test (installs what the tests need on Debian as root)
            ```
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EcoBid.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No EcoBid.slnx above the test folder.");
    }

    [GeneratedRegex(@"--pattern '(?<pattern>[^']+)' --event ""\$\(cat (?<file>[^)]+)\)""")]
    private static partial Regex TestPatternExample();
}
