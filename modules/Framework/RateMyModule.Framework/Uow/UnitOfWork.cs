using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;

namespace RateMyModule.Framework.Uow;

/// <summary>
/// One per scope (request, job, seeding run). Every module's DbContext in the scope shares its connection; once
/// <see cref="Begin"/> is called they also share one transaction, so work that spans modules commits or fails as
/// one. Without <see cref="Begin"/> each SaveChanges commits on its own.
/// </summary>
public sealed class UnitOfWork(IOptions<DatabaseOptions> options) : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private SqliteConnection? _connection;
    private DbTransaction? _transaction;
    private bool _transactional;
    private bool _writes;

    public DbConnection Connection => _connection ??= new SqliteConnection(options.Value.ConnectionString);

    public bool IsTransactional => _transactional;

    /// <summary>
    /// Asks for one transaction around everything the scope does; it starts lazily on first database use.
    /// <paramref name="expectWrites"/> takes SQLite's write lock when it starts (BEGIN IMMEDIATE): a transaction that
    /// read first and wants to write after another one committed could never get the lock, so work that will write
    /// queues for it up front instead.
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

    public void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transactional)
        {
            EnsureTransaction(context);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await EndTransactionAsync();
        }

        _transactional = false;
        _writes = false;
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await EndTransactionAsync();
        }

        _transactional = false;
        _writes = false;
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

        _transactional = false;
        _writes = false;
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

        _transactional = false;
        _writes = false;
        _connection?.Dispose();
    }

    private void EnsureTransaction(DbContext context)
    {
        if (_transaction is null)
        {
            if (Connection.State != System.Data.ConnectionState.Open)
            {
                Connection.Open();
            }

            // Deferred for readers: they never queue behind a writer (WAL readers see their snapshot).
            _transaction = ((SqliteConnection)Connection).BeginTransaction(deferred: !_writes);
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
