using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Uow;

/// <summary>
/// One per scope (request, job, seeding run). Every module's DbContext in the scope shares its connection; once
/// <see cref="Begin"/> is called they also share one transaction, so work that spans modules commits or fails as
/// one. Without <see cref="Begin"/> each SaveChanges commits on its own. Nothing touches the database until a
/// context is first used: a request that reads nothing opens no connection.
/// </summary>
public sealed class UnitOfWork(
    IOptions<DatabaseOptions> options, IDatabaseEngine provider, DatabaseWriteQueue writeQueue, DataGenerations generations)
    : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly HashSet<Type> _changed = [];
    private readonly List<Func<Task>> _afterCommit = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private IDisposable? _writeTurn;
    private bool _transactional;
    private bool _writes;

    public DbConnection Connection => _connection ??= provider.CreateConnection(options.Value.ConnectionString);

    public bool IsTransactional => _transactional;

    /// <summary>
    /// Asks for one transaction around everything the scope does; it starts lazily on first database use.
    /// <paramref name="expectWrites"/> lets the provider begin as a writer: on SQLite that takes the write lock when it
    /// starts (BEGIN IMMEDIATE), as a transaction that read first and wants to write after another one committed
    /// could never get the lock, so work that will write queues for it up front instead.
    /// </summary>
    public void Begin(bool expectWrites = false)
    {
        _transactional = true;
        _writes |= expectWrites;
        foreach (var context in _contexts)
        {
            EnsureTransaction(context);
        }
    }

    /// <summary>
    /// <see cref="Begin"/> for work that will write, on a single-writer database (SQLite) after waiting for this
    /// process's earlier writers to finish (<see cref="DatabaseWriteQueue"/>); the turn is held until the unit of
    /// work completes or rolls back. PostgreSQL's writers need no turn: they lock only the rows they change.
    /// </summary>
    public async Task BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        if (provider.HasSingleWriter)
        {
            _writeTurn ??= await writeQueue.EnterAsync(cancellationToken);
        }

        Begin(expectWrites: true);
    }

    public void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transactional)
        {
            EnsureTransaction(context);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the scope's transaction has committed (at once when there is none), and
    /// never when it rolls back: for what must follow a write only if it happened, such as evicting a cache.
    /// </summary>
    public Task AfterCommitAsync(Func<Task> action)
    {
        if (_transaction is null && !_transactional)
        {
            return action();
        }

        _afterCommit.Add(action);
        return Task.CompletedTask;
    }

    /// <summary>Called when a statement changed rows of <paramref name="contextType"/>'s tables (<see cref="DataChangeInterceptor"/>).</summary>
    public void MarkChanged(Type contextType)
    {
        if (_transaction is null)
        {
            // No transaction: the statement has committed on its own.
            generations.Advance([contextType]);
            return;
        }

        if (_changed.Add(contextType))
        {
            generations.BeginChange(contextType);
        }
    }

    /// <inheritdoc cref="MarkChanged"/>
    public Task MarkChangedAsync(Type contextType)
    {
        if (_transaction is null)
        {
            return generations.AdvanceAsync([contextType]);
        }

        MarkChanged(contextType);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await EndTransactionAsync();
        }

        Reset();
        await AdvanceGenerationsAsync();
        await RunAfterCommitAsync();
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await EndTransactionAsync();
        }

        _afterCommit.Clear();
        DiscardChanges();
        Reset();
    }

    public async ValueTask DisposeAsync()
    {
        // The scope has disposed its DbContexts by now, so only the transaction and connection are left to end.
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        DiscardChanges();
        Reset();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Synchronous disposal, for scopes that framework code disposes synchronously (data protection).</summary>
    public void Dispose()
    {
        if (_transaction is not null)
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }

        DiscardChanges();
        Reset();
        _connection?.Dispose();
    }

    private void Reset()
    {
        _transactional = false;
        _writes = false;
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    private async Task AdvanceGenerationsAsync()
    {
        if (_changed.Count > 0)
        {
            var changed = _changed.ToList();
            _changed.Clear();
            // Before the caller acknowledges the write: with several replicas this tells them all (one round trip).
            try
            {
                await generations.AdvanceAsync(changed);
            }
            finally
            {
                generations.EndChange(changed);
            }
        }
    }

    /// <summary>The changes rolled back (or never committed): caches may use those tables again.</summary>
    private void DiscardChanges()
    {
        if (_changed.Count > 0)
        {
            generations.EndChange(_changed);
            _changed.Clear();
        }
    }

    private async Task RunAfterCommitAsync()
    {
        while (_afterCommit.Count > 0)
        {
            var actions = _afterCommit.ToList();
            _afterCommit.Clear();
            foreach (var action in actions)
            {
                await action();
            }
        }
    }

    private void EnsureTransaction(DbContext context)
    {
        if (_transaction is null)
        {
            if (Connection.State != System.Data.ConnectionState.Open)
            {
                Connection.Open();
            }

            _transaction = provider.BeginTransaction(Connection, _writes);
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() != _transaction)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    private async Task EndTransactionAsync()
    {
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(null);
        }

        await _transaction!.DisposeAsync();
        _transaction = null;
    }
}
