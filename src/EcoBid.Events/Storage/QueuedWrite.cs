namespace EcoBid.Events.Storage;

/// <summary>
/// One caller's unit of work, waiting for a store's writer. Whoever runs the queue runs it in the caller's execution
/// context (its correlation id and trace), and completes it once its transaction has committed, or fails it. Stores that
/// commit several callers' writes in one transaction (group commit) queue them as these.
/// </summary>
/// <typeparam name="TScope">The store's own write scope.</typeparam>
public abstract class QueuedWrite<TScope>(CancellationToken cancellationToken)
    where TScope : class, IWriteScope, IWriteScopeOutcome
{
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>The scope the work ran in, once it has run.</summary>
    public TScope? Scope { get; private set; }

    public abstract bool IsCompleted { get; }

    public Task RunAsync(TScope scope)
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

    protected abstract Task RunWorkAsync(TScope scope);
}

/// <summary>A queued write whose work returns a <typeparamref name="T"/>.</summary>
public sealed class QueuedWrite<TScope, T>(Func<IWriteScope, Task<T>> work, CancellationToken cancellationToken)
    : QueuedWrite<TScope>(cancellationToken)
    where TScope : class, IWriteScope, IWriteScopeOutcome
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    public override void Succeed() => _completion.TrySetResult(_result!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    protected override async Task RunWorkAsync(TScope scope) => _result = await work(scope);
}

/// <summary>What a store's write scope remembers for after its commit.</summary>
public interface IWriteScopeOutcome
{
    /// <summary>How many events the work put in the outbox.</summary>
    int Published { get; }

    /// <summary>The work's after-commit actions (<see cref="IWriteScope.OnCommitted"/>), if any.</summary>
    List<Action>? Committed { get; }
}

/// <summary>How a group of queued writes ends: all of them answered once, after the commit or with its failure.</summary>
public static class QueuedWrites
{
    /// <summary>The group's transaction was lost: every write that ran in it, and every one still waiting, fails.</summary>
    public static void FailAll<TScope>(IEnumerable<QueuedWrite<TScope>> writes, Exception exception)
        where TScope : class, IWriteScope, IWriteScopeOutcome
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            write.Fail(exception);
        }
    }

    /// <summary>After the commit: wakes the relay if any write published, runs the writes' after-commit actions, then answers the callers.</summary>
    public static void Committed<TScope>(IReadOnlyList<QueuedWrite<TScope>> committed, Action wakeRelay)
        where TScope : class, IWriteScope, IWriteScopeOutcome
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(wakeRelay);
        if (committed.Any(w => w.Scope!.Published > 0))
        {
            wakeRelay();
        }

        foreach (var action in committed.SelectMany(w => w.Scope!.Committed ?? []))
        {
            action();
        }

        foreach (var write in committed)
        {
            write.Succeed();
        }
    }
}
