namespace EcoBid.Server.Aws.Protocol;

/// <summary>The JSON type an input member is sent as.</summary>
public enum AwsMemberKind
{
    Text,
    WholeNumber,
    Boolean,
    Number,
    Structure,
    List,
    Map,
}
