using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ValueGeneration;

namespace RateMyModule.Framework.Data;

/// <summary>
/// Version 7 GUIDs start with a timestamp, so new rows land at the end of the key index instead of at random
/// places in it (index locality), and their text form sorts in creation order.
/// </summary>
public sealed class SequentialGuidValueGenerator : ValueGenerator<Guid>
{
    public static readonly SequentialGuidValueGenerator Instance = new();

    public override bool GeneratesTemporaryValues => false;

    public override Guid Next(EntityEntry entry) => Guid.CreateVersion7();
}

/// <summary>
/// Hands out <see cref="SequentialGuidValueGenerator"/>. Configured as a factory type (not a generator type) because
/// a compiled model can only name a factory (see <c>Data/CompiledModels</c> in each module).
/// </summary>
public sealed class SequentialGuidValueGeneratorFactory : ValueGeneratorFactory
{
    public override ValueGenerator Create(IProperty property, ITypeBase typeBase) => SequentialGuidValueGenerator.Instance;
}
