namespace RateMyModule.Framework.Modularity;

/// <summary>Declares the modules this module needs configured and initialised before it.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DependsOnAttribute(params Type[] dependedModuleTypes) : Attribute
{
    public IReadOnlyList<Type> DependedModuleTypes { get; } = dependedModuleTypes;
}
