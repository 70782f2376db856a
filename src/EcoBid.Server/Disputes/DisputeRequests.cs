namespace EcoBid.Server.Disputes;

/// <summary>Body of <c>POST /reservations/{id}/disputes</c>.</summary>
public sealed record OpenDisputeRequest(string? Type, string? Text);

/// <summary>Body of <c>POST /disputes/{id}/response</c>: the other party's answer, and whether they accept the claim.</summary>
public sealed record DisputeAnswerRequest(string? Text, bool? Accept);

/// <summary>Body of <c>POST /admin/disputes/{id}/resolve</c>.</summary>
public sealed record ResolveDisputeRequest(string? Outcome, string? Note);
