namespace EcoBid.Server.Identity;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Email, string? Password, string? TotpCode);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record TokenRequest(string? Token);

public sealed record CodeRequest(string? Code);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

public sealed record RegisteredResponse(string Id, string Email, string DisplayName, bool EmailVerified);

public sealed record MfaSetupResponse(string Secret, string OtpauthUri, string QrCodePng);
