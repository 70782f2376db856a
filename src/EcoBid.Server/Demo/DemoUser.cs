namespace EcoBid.Server.Demo;

/// <summary>A demo account the seeder made: verified, with the documented demo password.</summary>
public sealed record DemoUser(string Id, string Email, string DisplayName);
