using System.Text.Json;

namespace EcoBid.Web.Services.Models;

public sealed record PrivateProfile(
    string Id, string Email, string DisplayName, string Role, bool EmailVerified, bool MfaEnabled, Location? HomeLocation,
    JsonElement NotificationPreferences, PublicProfile Public);

public sealed record PublicProfile(string Id, string DisplayName, double? RatingAverage, long RatingCount, long CompletedPickups, long NoShows, DateTimeOffset MemberSince);

public sealed record MfaSetup(string Secret, string OtpauthUri, string QrCodePng);

public sealed record NotificationKind(string Kind, IReadOnlyList<string> DefaultChannels);
