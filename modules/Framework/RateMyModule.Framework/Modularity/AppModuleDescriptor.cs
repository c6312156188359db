namespace RateMyModule.Framework.Modularity;

public sealed class AppModuleDescriptor(Type type, AppModule instance, IReadOnlyList<Type> dependencies)
{
    public Type Type { get; } = type;

    public AppModule Instance { get; } = instance;

    public IReadOnlyList<Type> Dependencies { get; } = dependencies;

    public string Name => Type.Name;

    public override string ToString() => Name;
}
