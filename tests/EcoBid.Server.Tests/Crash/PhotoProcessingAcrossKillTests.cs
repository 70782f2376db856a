using System.Net.Http.Json;
using Dapper;
using EcoBid.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EcoBid.Server.Tests.Crash;

/// <summary>
/// The real executable killed with SIGKILL between photos' uploads and their processing: after the restart every photo
/// is processed exactly once (one ImageProcessed, one set of rendition rows, exactly the rendition blobs those rows
/// name), and no message is left or dead-lettered.
/// </summary>
[Trait("Category", "Crash")]
public sealed class PhotoProcessingAcrossKillTests
{
    private const int Photos = 6;

    [Fact]
    public async Task Photos_uploaded_just_before_a_kill_are_processed_exactly_once_after_the_restart()
    {
        await using var server = ServerProcess.Create();
        await server.StartAsync();
        await server.SignUpAdminAsync();
        var photos = await UploadAsync(server, server.CreateClient());

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        var unprocessedAtKill = await CountAsync(server, "SELECT COUNT(*) FROM item_images WHERE status = 'processing'");
        unprocessedAtKill.ShouldBeGreaterThan(0, "the kill came before every photo was processed");

        await server.StartAsync();
        await ProcessedOnceAsync(server, photos);
    }

    [Fact]
    public async Task Photos_uploaded_to_an_api_node_are_processed_exactly_once_by_the_next_start_with_workers()
    {
        await using var server = ServerProcess.Create(new Dictionary<string, string> { ["Role"] = "api" });
        await server.StartAsync();
        var photos = await UploadAsync(server, await VerifiedPersonAsync(server));
        (await CountAsync(server, "SELECT COUNT(*) FROM outbox WHERE json_extract(envelope, '$.detail-type') = 'ImageUploaded'")).ShouldBe(Photos);

        server.Kill().ShouldBe(ServerProcess.SigKillExitCode);
        server.Environment["Role"] = "all";
        await server.StartAsync();
        await ProcessedOnceAsync(server, photos);
    }

    private static async Task<List<string>> UploadAsync(ServerProcess server, HttpClient owner)
    {
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        var itemId = await owner.CreateItemAsync();
        var photos = new List<string>();
        for (var i = 0; i < Photos; i++)
        {
            photos.Add(await owner.UploadAsync(anonymous, itemId, TestPhotos.Jpeg(3000, 2000, seed: 100 + i)));
        }

        owner.Dispose();
        return photos;
    }

    /// <summary>An API node sends no verification email (no workers), so the account is verified in the database.</summary>
    private static async Task<HttpClient> VerifiedPersonAsync(ServerProcess server)
    {
        var client = server.CreateClient();
        var email = $"seller-{Guid.NewGuid():N}@example.com";
        (await client.PostAsJsonAsync("/auth/register", new { email, password = AccountFlow.Password, displayName = "Seller" })).EnsureSuccessStatusCode();
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await connection.ExecuteAsync("PRAGMA busy_timeout = 5000; UPDATE users SET email_verified_at = 0 WHERE email = @email", new { email });
        }

        var tokens = await AccountFlow.SignInAsync(client, email);
        return client.Authorize(tokens.GetProperty("accessToken").GetString()!);
    }

    private static async Task ProcessedOnceAsync(ServerProcess server, List<string> photos)
    {
        await PollAsync(server, "SELECT COUNT(*) FROM item_images WHERE status = 'ready'", Photos);
        await PollAsync(server, "SELECT COUNT(*) FROM outbox", 0);
        await PollAsync(server, "SELECT COUNT(*) FROM queue_messages", 0);
        await server.StopAsync();

        foreach (var photo in photos)
        {
            (await CountAsync(server, $"SELECT COUNT(*) FROM event_archive WHERE detail_type = 'ImageUploaded' AND json_extract(envelope, '$.detail.imageId') = '{photo}'")).ShouldBe(1);
            (await CountAsync(server, $"SELECT COUNT(*) FROM event_archive WHERE detail_type = 'ImageProcessed' AND json_extract(envelope, '$.detail.imageId') = '{photo}'")).ShouldBe(1, photo);
            await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
            var named = (await connection.QueryAsync<string>("SELECT blob_key FROM item_image_renditions WHERE image_id = @photo ORDER BY blob_key", new { photo })).ToList();
            named.Count.ShouldBe(6);
            var stored = Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "blobs", "images", photo))
                .Select(f => $"images/{photo}/{Path.GetFileName(f)}")
                .Order(StringComparer.Ordinal)
                .ToList();
            stored.ShouldBe(named);
        }

        (await CountAsync(server, "SELECT COUNT(*) FROM queue_messages")).ShouldBe(0, "nothing in flight, nothing dead-lettered");
    }

    private static async Task<long> CountAsync(ServerProcess server, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 5000");
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task PollAsync(ServerProcess server, string sql, long expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        long last;
        while ((last = await CountAsync(server, sql)) != expected)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"'{sql}' stayed at {last}, expected {expected}.\n{server.LogTail()}");
            }

            await Task.Delay(50);
        }
    }
}
