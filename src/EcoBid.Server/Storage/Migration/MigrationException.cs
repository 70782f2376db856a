namespace EcoBid.Server.Storage.Migration;

/// <summary>A migration that must not start or did not finish, with the reason in words for the operator.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
