namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>
/// The name a job is stored under. Give one to an args type that might be renamed or moved: stored jobs find their
/// job by this name, so it must outlive refactorings. Without it the args type's full name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class BackgroundJobNameAttribute : Attribute
{
    public BackgroundJobNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public static string GetName(Type argsType)
    {
        ArgumentNullException.ThrowIfNull(argsType);
        var attribute = (BackgroundJobNameAttribute?)Attribute.GetCustomAttribute(argsType, typeof(BackgroundJobNameAttribute), inherit: false);
        return attribute?.Name ?? argsType.FullName ?? argsType.Name;
    }
}
