using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RateMyModule.TestBase;

/// <summary>A SQL command EF Core ran, with its parameters' values, so a test can count it or ask SQLite for its plan.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>
/// Records the SQL commands EF Core runs in the async flow that started it (from <see cref="Start"/> until disposed).
/// Listening is process-wide, so the flow is what keeps out the commands of tests running in parallel.
/// </summary>
public sealed class SqlCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<SqlCommandRecorder?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<RecordedCommand> _commands = [];

    private SqlCommandRecorder()
    {
    }

    public IReadOnlyList<RecordedCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public static SqlCommandRecorder Start()
    {
        var recorder = new SqlCommandRecorder();
        Current.Value = recorder;
        recorder._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(recorder));
        return recorder;
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value == this && value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
        {
            var parameters = executed.Command.Parameters.Cast<System.Data.Common.DbParameter>()
                .Select(p => KeyValuePair.Create(p.ParameterName, p.Value)).ToList();
            lock (_commands)
            {
                _commands.Add(new RecordedCommand(executed.Command.CommandText, parameters));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        if (Current.Value == this)
        {
            Current.Value = null;
        }

        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
