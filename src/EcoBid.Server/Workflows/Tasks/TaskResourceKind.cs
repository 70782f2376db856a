namespace EcoBid.Server.Workflows.Tasks;

public enum TaskResourceKind
{
    /// <summary><c>arn:aws:states:::lambda:invoke</c>: the result is shaped like Lambda's Invoke answer.</summary>
    LambdaInvoke,

    /// <summary><c>arn:aws:lambda:…:function:name</c>: the result is the function's own output.</summary>
    LambdaFunction,

    /// <summary><c>arn:aws:states:::events:putEvents</c>.</summary>
    PutEvents,

    /// <summary><c>arn:aws:states:::states:startExecution</c>.</summary>
    StartExecution,
}
