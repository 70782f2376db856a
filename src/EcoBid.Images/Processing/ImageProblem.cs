namespace EcoBid.Images.Processing;

/// <summary>
/// Why an image was refused or flagged: a stable machine <paramref name="Code"/> (see <see cref="ImageProblemCodes"/>)
/// and a sentence for the person who uploaded it.
/// </summary>
public sealed record ImageProblem(string Code, string Message);
