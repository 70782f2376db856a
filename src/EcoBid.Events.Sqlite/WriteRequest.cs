namespace EcoBid.Events.Sqlite;

/// <summary>
/// One caller's unit of work, waiting for the writer. Whoever holds the write gate runs it, in the caller's execution
/// context (its correlation id and trace), and completes it once its transaction has committed, or fails it.
/// </summary>
internal abstract class WriteRequest(CancellationToken cancellationToken)
{
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The scope the work ran in, once it has run.</summary>
    public SqliteWriteScope? Scope { get; private set; }

    public abstract bool IsCompleted { get; }

    public Task RunAsync(SqliteWriteScope scope)
    {
        Scope = scope;
        if (_context is null)
        {
            return RunWorkAsync(scope);
        }

        Task? running = null;
        ExecutionContext.Run(_context, _ => running = RunWorkAsync(scope), null);
        return running!;
    }

    /// <summary>Hands the work's result to the caller; called only after the transaction committed.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception exception);

    protected abstract Task RunWorkAsync(SqliteWriteScope scope);
}

internal sealed class WriteRequest<T>(Func<Storage.IWriteScope, Task<T>> work, CancellationToken cancellationToken) : WriteRequest(cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected override async Task RunWorkAsync(SqliteWriteScope scope) => _result = await work(scope);
}
