namespace EcoBid.Workflows.Intrinsics;

/// <summary>An intrinsic function call that cannot be parsed or has the wrong arguments.</summary>
public sealed class IntrinsicSyntaxException : Exception
{
    public IntrinsicSyntaxException(string message) : base(message) { }

    public IntrinsicSyntaxException() { }

    public IntrinsicSyntaxException(string message, Exception inner) : base(message, inner) { }
}
