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

    public DbConnection Connection => _connection ??= new SqliteConnection(options.Value.ConnectionString);

    public bool IsTransactional => _transactional;

    /// <summary>Asks for one transaction around everything the scope does; it starts lazily on first database use.</summary>
    public void Begin()
    {
        _transactional = true;
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
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await EndTransactionAsync();
        }

        _transactional = false;
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

            // Deferred: the write lock is taken at the first write, not at BEGIN, so requests that only read
            // never queue behind a writer (WAL readers see their snapshot).
            _transaction = ((SqliteConnection)Connection).BeginTransaction(deferred: true);
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
