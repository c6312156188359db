using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>A registered job: its stored name, and how to read its args and run it, fixed by the generic registration.</summary>
public sealed class BackgroundJobDefinition
{
    private readonly Func<string, object?> _deserialize;
    private readonly Func<IServiceProvider, object, CancellationToken, Task> _execute;

    private BackgroundJobDefinition(
        string name,
        Type jobType,
        Type argsType,
        Func<string, object?> deserialize,
        Func<IServiceProvider, object, CancellationToken, Task> execute)
    {
        Name = name;
        JobType = jobType;
        ArgsType = argsType;
        IsProtected = ProtectedJobArgsAttribute.IsDefinedOn(argsType);
        _deserialize = deserialize;
        _execute = execute;
    }

    public string Name { get; }

    public Type JobType { get; }

    public Type ArgsType { get; }

    /// <summary>The stored args are encrypted (<see cref="ProtectedJobArgsAttribute"/>).</summary>
    public bool IsProtected { get; }

    public static BackgroundJobDefinition Create<TJob, TArgs>()
        where TJob : class, IBackgroundJob<TArgs>
        => new(
            BackgroundJobNameAttribute.GetName(typeof(TArgs)),
            typeof(TJob),
            typeof(TArgs),
            json => JsonSerializer.Deserialize<TArgs>(json),
            (services, args, cancellationToken) => services.GetRequiredService<TJob>().ExecuteAsync((TArgs)args, cancellationToken));

    internal static string SerializeArgs<TArgs>(TArgs args) => JsonSerializer.Serialize(args);

    /// <summary>Reads stored args; throws <see cref="JsonException"/> when they no longer fit the args type.</summary>
    internal object DeserializeArgs(string json)
        => _deserialize(json) ?? throw new JsonException($"The stored arguments of job '{Name}' are null.");

    internal Task ExecuteAsync(IServiceProvider services, object args, CancellationToken cancellationToken)
        => _execute(services, args, cancellationToken);
}
